package cn.tongban.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
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
 */
@Document("applications")
@CompoundIndex(name = "applicant_submitted", def = "{'applicantId': 1, 'submittedAt': -1}")
@CompoundIndex(name = "task_queue", def = "{'tasks.departmentCode': 1, 'tasks.status': 1, 'submittedAt': 1}")
@CompoundIndex(name = "pending_certificates", def = "{'certificatesPending': 1, 'completedAt': 1}")
@CompoundIndex(name = "reviewed", def = "{'review.stars': 1}")
record Application(@Id String id, String applicantId, String applicantName, String applicantIdNumber, String holderId,
		String bundleCode, String itemCode, String title, String fingerprint, Map<String, String> formValues,
		Map<String, String> formSources, List<MaterialEntry> materials, List<Task> tasks, Status status, List<Event> events, Review review,
		boolean certificatesPending, List<String> issuedCertificateIds, Instant submittedAt, Instant updatedAt,
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

	/**
	 * @param provision CERTIFICATE, SHARED or COUNTER
	 */
	record MaterialEntry(String name, String certificateTypeCode, String provision, String certificateId) {
	}

	record Task(String id, String itemCode, String itemName, String departmentCode, TaskStatus status, String reason,
			String actor, Instant updatedAt, String resultCertificateTypeCode) {

		Task with(TaskStatus newStatus, String newReason, String newActor, Instant at) {
			return new Task(this.id, this.itemCode, this.itemName, this.departmentCode, newStatus, newReason, newActor,
					at, this.resultCertificateTypeCode);
		}

	}

	enum TaskStatus {

		PENDING, ACCEPTED, SUPPLEMENT_REQUESTED, APPROVED, REJECTED

	}

	record Event(Instant at, String type, String taskId, String departmentCode, String actor, String detail) {
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

}
