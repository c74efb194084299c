package cn.tongban.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.PlatformError;
import cn.tongban.platform.rules.RuleResult;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An application (办件): one document per application, embedding one task per department (并联审批),
 * the event history and the review, so every state change is one atomic update of one document,
 * guarded by {@code version}. {@code id} derives from applicant + idempotency key.
 *
 * @param holderId whose certificates the application uses and receives (the enterprise for an agent)
 * @param formSources per form value, where it came from: the identity platform, a certificate, or
 * {@code APPLICANT} (typed; sealed only after staff confirmed it); null in applications made before it
 * @param certificatesPending set in the same update that completes the application, cleared once the
 * certificates are issued: a crash in between is finished by {@link CertificateFollowUp}
 * @param inboxPending set in the same write as a change the applicant is told of, cleared once the
 * inbox message is posted (its id names the version, so posting again stores nothing): a crash in
 * between is finished by {@link CertificateFollowUp}
 */
@Document("applications")
@CompoundIndex(name = "applicant_submitted", def = "{'applicantId': 1, 'submittedAt': -1}")
@CompoundIndex(name = "task_queue", def = "{'tasks.departmentCode': 1, 'tasks.status': 1, 'submittedAt': 1}")
@CompoundIndex(name = "pending_certificates", def = "{'certificatesPending': 1, 'completedAt': 1}")
@CompoundIndex(name = "pending_inbox", def = "{'inboxPending': 1, 'updatedAt': 1}")
@CompoundIndex(name = "reviewed", def = "{'review.stars': 1}")
record Application(@Id String id, String applicantId, String applicantName, String applicantIdNumber, String holderId,
		String bundleCode, String itemCode, String title, String fingerprint, Map<String, String> formValues,
		Map<String, String> formSources, List<MaterialEntry> materials, List<Task> tasks, Status status, List<Event> events, Review review,
		boolean certificatesPending, boolean inboxPending, List<String> issuedCertificateIds, Instant submittedAt, Instant updatedAt,
		Instant completedAt, long version) {

	enum Status {

		/** 已提交: no department has acted yet. */
		SUBMITTED,
		/** 办理中. */
		IN_PROGRESS,
		/** 待补正: a department asked for more. */
		SUPPLEMENT_REQUIRED,
		/** 已办结: every department approved. */
		COMPLETED,
		/** 不予受理/不予许可: a department rejected. */
		REJECTED

	}

	/** How a material was supplied. */
	enum Provision {

		/** An e-certificate from the holder's card pack (免提交). */
		CERTIFICATE,
		/** Data shared between departments (共享调取). */
		SHARED,
		/** Brought to the counter (窗口提交). */
		COUNTER

	}

	/**
	 * @param certificateId the certificate used, for {@link Provision#CERTIFICATE}
	 */
	record MaterialEntry(String name, String certificateTypeCode, Provision provision, String certificateId) {

		/** How it was supplied, served as the schema's enum. */
		public Provision source() {
			return this.provision;
		}

	}

	/** Who applied, as the identity platform knows them, and whose certificates the application uses. */
	record Applicant(String id, String name, String idNumber, String holderId) {

		/** An enterprise's agent applying for the enterprise: the holder is not the applicant. */
		boolean forAnotherHolder() {
			return this.holderId != null && !this.holderId.equals(this.id);
		}

	}

	/** What is applied for: a bundle (一件事) or one item, its title, and the submission's fingerprint. */
	record Matter(String bundleCode, String itemCode, String title, String fingerprint) {
	}

	/**
	 * A new application as submitted: its status follows from its tasks (some may be approved by
	 * rules already); not reviewed, no certificates issued yet; version 0. One completed at once
	 * carries {@code certificatesPending}, cleared once its certificates are issued; one the applicant
	 * is told of ({@code news}), or an enterprise's (its systems hear of every change), carries
	 * {@code inboxPending}.
	 */
	static Application submitted(String id, Applicant applicant, Matter matter, FormValidator.Validated form,
			List<MaterialEntry> materials, List<Task> tasks, List<Event> events, boolean news, Instant now) {
		Status status = statusOf(tasks);
		boolean completed = status == Status.COMPLETED;
		return new Application(id, applicant.id(), applicant.name(), applicant.idNumber(), applicant.holderId(),
				matter.bundleCode(), matter.itemCode(), matter.title(), matter.fingerprint(), form.values(),
				form.sources(), List.copyOf(materials), List.copyOf(tasks), status, List.copyOf(events), null, completed,
				news || applicant.forAnotherHolder(), List.of(), now, now, completed ? now : null, 0);
	}

	/** Made by an enterprise's agent: the holder is the enterprise, not the applicant. */
	boolean madeForAnotherHolder() {
		return this.holderId != null && !this.holderId.equals(this.applicantId);
	}

	/**
	 * @param decision the approval rules' verdict when the item has rules (秒批), else null
	 */
	record Task(String id, String itemCode, String itemName, String departmentCode, TaskStatus status, String reason,
			String actor, Instant updatedAt, String resultCertificateTypeCode, Decision decision) {

		Task with(TaskStatus newStatus, String newReason, String newActor, Instant at) {
			return new Task(this.id, this.itemCode, this.itemName, this.departmentCode, newStatus, newReason, newActor,
					at, this.resultCertificateTypeCode, this.decision);
		}

		Task withDecision(Decision newDecision) {
			return new Task(this.id, this.itemCode, this.itemName, this.departmentCode, this.status, this.reason,
					this.actor, this.updatedAt, this.resultCertificateTypeCode, newDecision);
		}

		/** Approved by the rules and not revoked. */
		boolean approvedByRules() {
			return this.decision != null && this.decision.approved() && this.decision.revocation() == null
					&& this.status == TaskStatus.APPROVED;
		}

	}

	/** Who approves automatically: the actor recorded on a task the rules approved. */
	static final String RULES = "rules";

	/**
	 * The approval rules' verdict on a task at submission (秒批 when {@code approved}): each rule's
	 * outcome with its reason, for the resident and for staff; a revocation when staff took an
	 * automatic approval back within the review period.
	 */
	record Decision(boolean approved, List<RuleResult> results, Instant at, Revocation revocation) {

		Decision revoked(Revocation by) {
			return new Decision(this.approved, this.results, this.at, by);
		}

	}

	record Revocation(String by, Instant at, String reason) {
	}

	enum TaskStatus {

		PENDING, ACCEPTED, SUPPLEMENT_REQUESTED, APPROVED, REJECTED

	}

	/**
	 * @param actedBy name of the relative or guardian who did it for the applicant (亲情代办), else null
	 */
	record Event(Instant at, EventType type, String taskId, String departmentCode, String actor, String detail,
			String actedBy) {

		@PersistenceCreator
		Event {
		}

		Event(Instant at, EventType type, String taskId, String departmentCode, String actor, String detail) {
			this(at, type, taskId, departmentCode, actor, detail, null);
		}

		/** The schema's {@code kind}; {@code type} is its deprecated text form. */
		public EventType kind() {
			return this.type;
		}

	}

	/** What an entry of the timeline (办件进度) records; stored by name. */
	enum EventType {

		/** 已提交. */
		SUBMITTED,
		/** A department accepted its task (受理). */
		TASK_ACCEPTED,
		/** A department asked for more (补正). */
		SUPPLEMENT_REQUESTED,
		/** The applicant supplied it. */
		SUPPLEMENTED,
		/** A department approved its task. */
		TASK_APPROVED,
		/** A department rejected its task (不予受理/不予许可). */
		TASK_REJECTED,
		/** Every task approved: 办结. */
		COMPLETED,
		/** A task rejected: the application is closed. */
		REJECTED,
		/** A certificate the application produces was issued (办结即发证). */
		CERTIFICATE_ISSUED,
		/** The applicant reviewed the service (好差评). */
		REVIEWED,
		/** The approval rules approved a task at submission (秒批). */
		AUTO_APPROVED,
		/** Staff took an automatic approval back: the task returns to them. */
		DECISION_REVOKED;

		/** The event that closes an application in this status. */
		static EventType closing(Status status) {
			return switch (status) {
				case COMPLETED -> COMPLETED;
				case REJECTED -> REJECTED;
				default -> throw new IllegalArgumentException(status + " does not close an application");
			};
		}

	}

	/** Staff actions and the task states they move between. */
	enum Action {

		ACCEPT(List.of(TaskStatus.PENDING), TaskStatus.ACCEPTED, EventType.TASK_ACCEPTED, false),
		REQUEST_SUPPLEMENT(List.of(TaskStatus.PENDING, TaskStatus.ACCEPTED), TaskStatus.SUPPLEMENT_REQUESTED,
				EventType.SUPPLEMENT_REQUESTED, true),
		APPROVE(List.of(TaskStatus.ACCEPTED), TaskStatus.APPROVED, EventType.TASK_APPROVED, false),
		REJECT(List.of(TaskStatus.PENDING, TaskStatus.ACCEPTED), TaskStatus.REJECTED, EventType.TASK_REJECTED, true);

		private final List<TaskStatus> from;

		private final TaskStatus to;

		private final EventType eventType;

		private final boolean needsReason;

		Action(List<TaskStatus> from, TaskStatus to, EventType eventType, boolean needsReason) {
			this.from = from;
			this.to = to;
			this.eventType = eventType;
			this.needsReason = needsReason;
		}

		/** Whether a task in {@code status} may take this action. */
		boolean allows(TaskStatus status) {
			return this.from.contains(status);
		}

		TaskStatus to() {
			return this.to;
		}

		EventType eventType() {
			return this.eventType;
		}

		boolean needsReason() {
			return this.needsReason;
		}

	}

	/** What a staff action makes of the application: its tasks and status after it, and the event recording it. */
	record Transition(List<Task> tasks, Status status, Event event) {
	}

	record Review(int stars, List<String> tags, String comment, Instant at) {
	}

	/** The application's status follows from its tasks. */
	static Status statusOf(List<Task> tasks) {
		if (tasks.stream().anyMatch((t) -> t.status() == TaskStatus.REJECTED)) {
			return Status.REJECTED;
		}
		if (tasks.stream().allMatch((t) -> t.status() == TaskStatus.APPROVED)) {
			return Status.COMPLETED;
		}
		if (tasks.stream().anyMatch((t) -> t.status() == TaskStatus.SUPPLEMENT_REQUESTED)) {
			return Status.SUPPLEMENT_REQUIRED;
		}
		if (tasks.stream().allMatch((t) -> t.status() == TaskStatus.PENDING)) {
			return Status.SUBMITTED;
		}
		return Status.IN_PROGRESS;
	}

	boolean closed() {
		return this.status == Status.COMPLETED || this.status == Status.REJECTED;
	}

	/** The task with this id; an unknown one is refused (INVALID_ARGUMENT on {@code input.taskId}). */
	Task task(String taskId) {
		return this.tasks.stream()
			.filter((task) -> task.id().equals(taskId))
			.findFirst()
			.orElseThrow(() -> ApiException.onField("input.taskId", PlatformError.INVALID_ARGUMENT, "no task " + taskId));
	}

	/**
	 * A staff action on one of this application's tasks, by {@code actor} at {@code at}: the tasks
	 * and status after it and the event that records it. Refused (ILLEGAL_TRANSITION) on a closed
	 * application or a task the action cannot move from where it is; a supplement request or a
	 * rejection needs a reason. Who may act and on which version is the service's to check.
	 */
	Transition act(Action action, String taskId, String actor, String reason, Instant at) {
		Task task = task(taskId);
		if (closed() || !action.allows(task.status())) {
			throw ApiException.onField("input.taskId", ApplicationError.ILLEGAL_TRANSITION,
					action + " on a task that is " + task.status() + " in an application that is " + this.status);
		}
		if (action.needsReason() && (reason == null || reason.isBlank())) {
			throw ApiException.onField("input.reason", PlatformError.INVALID_ARGUMENT, "a reason is required");
		}
		List<Task> after = this.tasks.stream()
			.map((t) -> t.id().equals(taskId) ? t.with(action.to(), reason, actor, at) : t)
			.toList();
		return new Transition(after, statusOf(after),
				new Event(at, action.eventType(), taskId, task.departmentCode(), actor, reason));
	}

}
