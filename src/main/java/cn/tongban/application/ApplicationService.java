package cn.tongban.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import cn.tongban.bundle.Bundle;
import cn.tongban.bundle.BundleService;
import cn.tongban.bundle.MergedMaterial;
import cn.tongban.catalog.CatalogError;
import cn.tongban.catalog.CatalogService;
import cn.tongban.catalog.ItemShelves;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.certificate.Certificate;
import cn.tongban.certificate.CertificateService;
import cn.tongban.certificate.CertificateType;
import cn.tongban.certificate.CertificateTypeService;
import cn.tongban.identity.BirthRegistration;
import cn.tongban.identity.IdentityService;
import cn.tongban.identity.PersonDetails;
import cn.tongban.platform.ChinaTime;
import cn.tongban.platform.crypto.Sha256;
import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.PlatformError;
import cn.tongban.platform.rules.RuleResult;
import cn.tongban.platform.security.Role;
import cn.tongban.platform.security.Subject;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Submitting, handling and reviewing applications (办件). */
@Service
class ApplicationService {

	private final MongoTemplate mongo;

	private final BundleService bundles;

	private final CatalogService catalog;

	private final CertificateService certificates;

	private final CertificateTypeService certificateTypes;

	private final IdentityService identity;

	private final Clock clock;

	private final ApplicationEvents events;

	private final InstantApproval instantApproval;

	private final ApplicationEventPublisher publisher;

	private final ItemShelves shelves;

	/** How long staff may take an automatic approval back (tongban.application.auto-approval-review-period). */
	private final Duration autoApprovalReviewPeriod;

	ApplicationService(MongoTemplate mongo, BundleService bundles, CatalogService catalog,
			CertificateService certificates, CertificateTypeService certificateTypes, IdentityService identity,
			ApplicationEvents events, InstantApproval instantApproval, ApplicationEventPublisher publisher,
			ItemShelves shelves, Clock clock,
			@Value("${tongban.application.auto-approval-review-period:P7D}") Duration autoApprovalReviewPeriod) {
		this.instantApproval = instantApproval;
		this.publisher = publisher;
		this.shelves = shelves;
		this.autoApprovalReviewPeriod = autoApprovalReviewPeriod;
		this.clock = clock;
		this.mongo = mongo;
		this.bundles = bundles;
		this.catalog = catalog;
		this.certificates = certificates;
		this.certificateTypes = certificateTypes;
		this.identity = identity;
		this.events = events;
	}

	/** The sealed data key naming the staff who confirmed the values the applicant typed. */
	static final String CONFIRMED_BY = "typedValuesConfirmedBy";

	/**
	 * Submits a bundle or a single item. The id derives from applicant + idempotency key: the same key
	 * returns the application already made (concurrent duplicates race on the key and the loser reads
	 * the winner); the same key with different content is IDEMPOTENCY_KEY_REUSED.
	 */
	Application submit(Subject applicant, SubmitCommand command) {
		if ((command.bundleCode() == null) == (command.itemCode() == null)) {
			throw ApiException.onField("input.bundle", PlatformError.INVALID_ARGUMENT, "give exactly one of bundle and item");
		}
		command = command.withFormValues(FormValidator.normalised(command.formValues()));
		String id = idFor(applicant.id(), command.idempotencyKey());
		String fingerprint = fingerprint(command);
		Application existing = this.mongo.findById(id, Application.class);
		if (existing != null) {
			return sameSubmission(existing, fingerprint);
		}
		Applied applied = applied(command.bundleCode(), command.itemCode());
		List<Bundle.Item> items = applied.items();
		String title = applied.title();
		List<BundleService.UnifiedField> form = this.bundles.form(items, applicant);
		FormValidator.Validated validated = FormValidator.validate(command.formValues(), form, today());
		List<String> itemCodes = items.stream().map(Bundle.Item::code).toList();
		Map<String, ServiceItem> catalogItems = this.catalog.itemsByCodes(itemCodes);
		List<Application.MaterialEntry> materials = materials(
				this.bundles.materials(itemCodes, catalogItems, applicant), command.materialsAtCounter());
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		List<Application.Task> tasks = new ArrayList<>();
		for (int i = 0; i < itemCodes.size(); i++) {
			ServiceItem item = catalogItems.get(itemCodes.get(i));
			tasks.add(new Application.Task("t" + (i + 1), item.getCode(), item.getName(), item.getDepartmentCode(),
					Application.TaskStatus.PENDING, null, null, now, item.getResultCertificateTypeCode(), null));
		}
		PersonDetails person = this.identity.person(applicant.id()).orElseThrow();
		tasks = this.instantApproval.decide(tasks, catalogItems, new InstantApproval.Submission(person,
				applicant.holderId(), validated.values(), validated.sources(), materials, applied.bundle()), now);
		List<Application.Event> events = new ArrayList<>(
				List.of(new Application.Event(now, Application.EventType.SUBMITTED, null, null, applicant.id(), title,
						actedBy(applicant))));
		for (Application.Task task : tasks) {
			if (task.approvedByRules()) {
				events.add(new Application.Event(now, Application.EventType.AUTO_APPROVED, task.id(), task.departmentCode(),
						Application.RULES, "秒批：" + task.decision().results().size() + " 项条件全部满足"));
			}
		}
		Application.Status status = Application.statusOf(tasks);
		boolean completed = status == Application.Status.COMPLETED;
		if (completed) {
			events.add(new Application.Event(now, Application.EventType.COMPLETED, null, null, "system", null));
		}
		Application application = Application.submitted(id,
				new Application.Applicant(applicant.id(), person.name(), person.idNumber(), applicant.holderId()),
				new Application.Matter(command.bundleCode(), (command.bundleCode() == null) ? command.itemCode() : null,
						title, fingerprint),
				validated, materials, tasks, events,
				ApplicationEvents.news(status, events.get(events.size() - 1).type()) != null, now);
		Application stored = insertNew(application, (made) -> sameSubmission(made, fingerprint));
		this.shelves.recordRecent(applicant.id(), itemCodes);
		return stored;
	}

	/**
	 * Stores a new application and tells its subscribers; when the rules completed it, issues its
	 * certificates (办结即发证; a crash in between is finished by CertificateFollowUp). Concurrent
	 * duplicates race on the id: the loser answers with {@code whenAlreadyMade} of the winner's.
	 */
	private Application insertNew(Application application, UnaryOperator<Application> whenAlreadyMade) {
		try {
			this.mongo.insert(application);
		}
		catch (DuplicateKeyException concurrentDuplicate) {
			return whenAlreadyMade.apply(this.mongo.findById(application.id(), Application.class));
		}
		this.events.publish(application, application.events().get(application.events().size() - 1).type());
		return application.certificatesPending() ? issueCertificates(application) : application;
	}

	/** What an application is for: a bundle's items, or one active item. */
	private Applied applied(String bundleCode, String itemCode) {
		if (bundleCode != null) {
			Bundle bundle = this.bundles.require(bundleCode, "input.bundle");
			return new Applied(bundle.items(), bundle.name(), bundle);
		}
		ServiceItem item = this.catalog.findItem(itemCode)
			.filter(ServiceItem::isActive)
			.orElseThrow(() -> ApiException.onField("input.item", CatalogError.ITEM_NOT_FOUND, itemCode));
		return new Applied(List.of(new Bundle.Item(item.getCode(), this.bundles.fieldsOfItem(item.getCode()))),
				item.getName(), null);
	}

	/** @param bundle null for a single item */
	private record Applied(List<Bundle.Item> items, String title, Bundle bundle) {
	}

	private static Application sameSubmission(Application existing, String fingerprint) {
		if (!existing.fingerprint().equals(fingerprint)) {
			throw ApiException.onField("input.idempotencyKey", ApplicationError.IDEMPOTENCY_KEY_REUSED);
		}
		return existing;
	}

	/** Materials: certificates and shared ones are taken; those to provide must be declared as brought to the counter. */
	private static List<Application.MaterialEntry> materials(List<MergedMaterial> merged, List<String> atCounter) {
		List<Application.MaterialEntry> entries = new ArrayList<>();
		for (MergedMaterial material : merged) {
			switch (material.provision()) {
				case CERTIFICATE -> entries.add(new Application.MaterialEntry(material.name(),
						material.certificateTypeCode(), Application.Provision.CERTIFICATE, material.certificateId()));
				case SHARED -> entries.add(new Application.MaterialEntry(material.name(), material.certificateTypeCode(),
						Application.Provision.SHARED, null));
				case PROVIDE -> {
					if (atCounter.contains(material.name())) {
						entries.add(new Application.MaterialEntry(material.name(), material.certificateTypeCode(),
								Application.Provision.COUNTER, null));
					}
					else if (material.required()) {
						throw ApiException.onField("input.materialsAtCounter", ApplicationError.INVALID_FORM,
								material.name() + " must be provided (declare it as brought to the counter)");
					}
				}
			}
		}
		return entries;
	}

	/** A staff action on a task of their department; exactly one of two concurrent actions wins. */
	Application act(Subject staff, String applicationId, String taskId, Application.Action action, String reason,
			Long expectedVersion) {
		Application application = find(applicationId);
		if (application == null) {
			throw ApiException.onField("input.applicationId", ApplicationError.APPLICATION_NOT_FOUND, applicationId);
		}
		Application.Task task = application.task(taskId);
		if (!staff.has(Role.ADMIN) && !task.departmentCode().equals(staff.departmentCode())) {
			throw new ApiException(ApplicationError.NOT_YOUR_DEPARTMENT);
		}
		if (expectedVersion != null && expectedVersion != application.version()) {
			throw ApiException.onField("input.expectedVersion", PlatformError.VERSION_CONFLICT);
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Application.Transition transition = application.act(action, taskId, staff.id(), reason, now);
		List<Application.Task> tasks = transition.tasks();
		List<Application.Event> added = new ArrayList<>(List.of(transition.event()));
		Application changed = change(application, tasks, added, now);
		if (action == Application.Action.APPROVE && "GA".equals(task.departmentCode()) && registersAChild(application)) {
			// 户口登记: the 公安 task's approval registers the child (again at completion if this is lost)
			registerChild(changed);
		}
		return changed;
	}

	/**
	 * Staff take an automatic approval (秒批) back within the review period: the task returns to
	 * PENDING for them to handle, the certificate it issued is revoked (before the application
	 * changes, so a valid certificate never outlives a revoked approval), and the applicant sees it
	 * on the timeline and over the subscription.
	 */
	Application revokeAutomaticApproval(Subject staff, String applicationId, String taskId, String reason) {
		Application application = find(applicationId);
		if (application == null) {
			throw ApiException.onField("input.applicationId", ApplicationError.APPLICATION_NOT_FOUND, applicationId);
		}
		Application.Task task = application.task(taskId);
		if (!staff.has(Role.ADMIN) && !task.departmentCode().equals(staff.departmentCode())) {
			throw new ApiException(ApplicationError.NOT_YOUR_DEPARTMENT);
		}
		if (!task.approvedByRules()) {
			throw ApiException.onField("input.taskId", ApplicationError.NOT_APPROVED_BY_RULES);
		}
		if (reason == null || reason.isBlank()) {
			throw ApiException.onField("input.reason", PlatformError.INVALID_ARGUMENT, "a reason is required");
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Instant reviewableUntil = task.decision().at().plus(this.autoApprovalReviewPeriod);
		if (now.isAfter(reviewableUntil)) {
			throw ApiException.onField("input.taskId", ApplicationError.REVIEW_PERIOD_OVER, reviewableUntil);
		}
		if (task.resultCertificateTypeCode() != null) {
			this.certificates.revokeIssuedFor(application.id(), task.resultCertificateTypeCode(),
					"自动审批已撤销：" + reason, staff.id());
		}
		Application.Task returned = task.with(Application.TaskStatus.PENDING, reason, staff.id(), now)
			.withDecision(task.decision().revoked(new Application.Revocation(staff.id(), now, reason)));
		List<Application.Task> tasks = application.tasks().stream().map((t) -> t.id().equals(taskId) ? returned : t).toList();
		Update update = baseUpdate(application, tasks, now).unset("completedAt")
			.push("events", new Application.Event(now, Application.EventType.DECISION_REVOKED, taskId,
					task.departmentCode(), staff.id(), reason));
		return apply(application, guard(application), update, Application.EventType.DECISION_REVOKED);
	}

	/** Until when staff may take an automatic approval back; null when the rules did not approve or it was revoked. */
	Instant reviewableUntil(Application.Decision decision) {
		return (decision.approved() && decision.revocation() == null) ? decision.at().plus(this.autoApprovalReviewPeriod)
				: null;
	}

	private boolean registersAChild(Application application) {
		return application.bundleCode() != null && this.bundles.require(application.bundleCode(), "bundle")
			.issueHolders()
			.containsValue(Bundle.IssueHolder.CHILD);
	}

	/** The applicant answers a supplement request: tasks waiting for it go back to ACCEPTED. */
	Application supplement(Subject applicant, String applicationId, Map<String, String> formValues, String note) {
		Application application = mine(applicant, applicationId);
		if (application.status() != Application.Status.SUPPLEMENT_REQUIRED) {
			throw ApiException.onField("input.applicationId", ApplicationError.ILLEGAL_TRANSITION,
					"nothing to supplement while " + application.status());
		}
		List<BundleService.UnifiedField> form = this.bundles
			.form(applied(application.bundleCode(), application.itemCode()).items(), applicant);
		FormValidator.Validated stored = new FormValidator.Validated(application.formValues(),
				(application.formSources() != null) ? application.formSources() : Map.of());
		FormValidator.Validated supplemented = FormValidator.supplement(stored, FormValidator.normalised(formValues), form,
				today());
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		List<Application.Task> tasks = application.tasks()
			.stream()
			.map((t) -> (t.status() == Application.TaskStatus.SUPPLEMENT_REQUESTED)
					? t.with(Application.TaskStatus.ACCEPTED, null, applicant.id(), now) : t)
			.toList();
		Query guard = guard(application);
		Update update = baseUpdate(application, tasks, now).set("formValues", supplemented.values())
			.set("formSources", supplemented.sources())
			.push("events", new Application.Event(now, Application.EventType.SUPPLEMENTED, null, null, applicant.id(), note,
					actedBy(applicant)));
		return apply(application, guard, update, Application.EventType.SUPPLEMENTED);
	}

	private Application change(Application application, List<Application.Task> tasks, List<Application.Event> added,
			Instant now) {
		Application.Status status = Application.statusOf(tasks);
		Update update = baseUpdate(application, tasks, now);
		List<Application.Event> all = new ArrayList<>(added);
		if (status == Application.Status.COMPLETED || status == Application.Status.REJECTED) {
			all.add(new Application.Event(now, Application.EventType.closing(status), null, null, "system", null));
			update.set("completedAt", now);
		}
		if (status == Application.Status.COMPLETED) {
			update.set("certificatesPending", true);
		}
		update.push("events").each(all.toArray());
		Application changed = apply(application, guard(application), update, all.get(0).type());
		if (changed.certificatesPending()) {
			return issueCertificates(changed);
		}
		return changed;
	}

	private static Update baseUpdate(Application application, List<Application.Task> tasks, Instant now) {
		return Update.update("tasks", tasks)
			.set("status", Application.statusOf(tasks))
			.set("updatedAt", now)
			.set("version", application.version() + 1);
	}

	private static Query guard(Application application) {
		return Query.query(Criteria.where("_id").is(application.id()).and("version").is(application.version()));
	}

	private Application apply(Application application, Query guard, Update update, Application.EventType eventType) {
		update.set("inboxPending", true);
		if (this.mongo.updateFirst(guard, update, Application.class).getModifiedCount() == 0) {
			throw ApiException.onField("input.applicationId", PlatformError.VERSION_CONFLICT);
		}
		Application changed = this.mongo.findById(application.id(), Application.class);
		this.events.publish(changed, eventType);
		return changed;
	}

	/**
	 * 办结即发证: issues the certificates the items produce, through the certificate module. Issuing is
	 * idempotent per application and type, so running this again after a crash issues nothing twice.
	 */
	Application issueCertificates(Application application) {
		Bundle bundle = (application.bundleCode() != null) ? this.bundles.require(application.bundleCode(), "bundle")
				: null;
		List<String> typeCodes = application.tasks()
			.stream()
			.map(Application.Task::resultCertificateTypeCode)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		Map<String, CertificateType> types = this.certificateTypes.findByCodes(typeCodes);
		List<String> issued = new ArrayList<>();
		List<String> newIds = new ArrayList<>();
		List<Application.Event> added = new ArrayList<>();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		PersonDetails child = null;
		for (Application.Task task : application.tasks()) {
			CertificateType type = types.get(task.resultCertificateTypeCode());
			if (type == null || issued.contains(type.code())) {
				continue;
			}
			Map<String, String> mapping = (bundle != null && bundle.issueMappings() != null)
					? bundle.issueMappings().getOrDefault(task.itemCode(), Map.of()) : Map.of();
			Map<String, String> data = certificateData(application, type, mapping, task);
			String holderId = application.holderId();
			String holderIdentifier = holderIdentifier(application, mapping, data);
			if (bundle != null && bundle.holderOf(task.itemCode()) == Bundle.IssueHolder.CHILD) {
				child = (child != null) ? child : registerChild(application);
				holderId = child.id();
				holderIdentifier = child.idNumber();
				data.put("holderName", child.name());
				if (type.fields().stream().anyMatch((field) -> field.key().equals("holderIdNumber"))) {
					data.put("holderIdNumber", child.idNumber());
				}
			}
			Certificate certificate = this.certificates.issue(new CertificateService.IssueRequest(application.id(),
					type.code(), holderId, holderIdentifier, data.get("holderName"), data));
			issued.add(type.code());
			if (!application.issuedCertificateIds().contains(certificate.id())) {
				newIds.add(certificate.id());
				added.add(new Application.Event(now, Application.EventType.CERTIFICATE_ISSUED, task.id(), task.departmentCode(), "system",
						type.name() + " " + certificate.number()));
			}
		}
		// one update records the issue; a crash before it leaves certificatesPending for the follow-up
		Update done = new Update().set("certificatesPending", false).set("updatedAt", now);
		if (!added.isEmpty()) {
			done.set("inboxPending", true);
			done.addToSet("issuedCertificateIds").each(newIds.toArray());
			done.push("events").each(added.toArray());
		}
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(application.id()).and("certificatesPending").is(true)),
				done, Application.class);
		Application finished = this.mongo.findById(application.id(), Application.class);
		if (!added.isEmpty()) {
			this.events.publish(finished, Application.EventType.CERTIFICATE_ISSUED);
			this.publisher.publishEvent(new CertificatesIssued(finished.holderId()));
		}
		return finished;
	}

	/** Certificates were issued to a holder (who may now be eligible for a benefit). */
	record CertificatesIssued(String holderId) {
	}

	/**
	 * 免申即享: an application for {@code item} that the policy's rules approved, made when the
	 * resident accepts an offer: nothing to fill in or bring, its one task approved by the rules with
	 * their reasons, completed at once (certificates issued as for any completion). Staff may take the
	 * approval back within the review period like any automatic approval. {@code key}: the same key
	 * returns the application already made.
	 */
	Application grant(Subject applicant, ServiceItem item, String policyName, List<RuleResult> results, String key) {
		String id = idFor(applicant.id(), key);
		Application existing = this.mongo.findById(id, Application.class);
		if (existing != null) {
			return existing;
		}
		PersonDetails person = this.identity.person(applicant.id()).orElseThrow();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Application.Task task = new Application.Task("t1", item.getCode(), item.getName(), item.getDepartmentCode(),
				Application.TaskStatus.APPROVED, null, Application.RULES, now, item.getResultCertificateTypeCode(),
				new Application.Decision(true, List.copyOf(results), now, null));
		List<Application.Event> events = List.of(
				new Application.Event(now, Application.EventType.SUBMITTED, null, null, applicant.id(), "免申即享：" + policyName,
						actedBy(applicant)),
				new Application.Event(now, Application.EventType.AUTO_APPROVED, "t1", item.getDepartmentCode(), Application.RULES,
						"免申即享：" + results.size() + " 项条件全部满足"),
				new Application.Event(now, Application.EventType.COMPLETED, null, null, "system", null));
		Application application = Application.submitted(id,
				new Application.Applicant(applicant.id(), person.name(), person.idNumber(), applicant.holderId()),
				new Application.Matter(null, item.getCode(), item.getName(), Sha256.hex("grant|" + key)),
				new FormValidator.Validated(Map.of(), Map.of()), List.of(), List.of(task), events, true, now);
		return insertNew(application, UnaryOperator.identity());
	}

	/**
	 * The certificate's data from the form. Values the applicant typed reach the seal only because
	 * the issuing task's staff approved them: the data records who confirmed them
	 * ({@value #CONFIRMED_BY}), and so does the seal.
	 */
	private static Map<String, String> certificateData(Application application, CertificateType type,
			Map<String, String> mapping, Application.Task issuing) {
		Map<String, String> data = new LinkedHashMap<>();
		List<String> typed = new ArrayList<>();
		Map<String, String> sources = (application.formSources() != null) ? application.formSources() : Map.of();
		for (CertificateType.Field field : type.fields()) {
			String formKey = (mapping.get(field.key()) != null) ? mapping.get(field.key()) : field.key();
			String value = application.formValues().get(formKey);
			if (value != null && FormValidator.TYPED.equals(sources.getOrDefault(formKey, FormValidator.TYPED))) {
				typed.add(field.key());
			}
			if (value == null && field.key().equals("holderName")) {
				value = application.applicantName();
			}
			// the applicant's ID number only on a certificate about the applicant, never on a child's
			if (value == null && field.key().equals("holderIdNumber") && isAboutApplicant(mapping)) {
				value = application.applicantIdNumber();
			}
			if (value != null) {
				data.put(field.key(), value);
			}
		}
		if (!typed.isEmpty()) {
			data.put(CONFIRMED_BY, issuing.actor() + " (" + issuing.departmentCode() + "): " + String.join(", ", typed));
		}
		return data;
	}

	/**
	 * 户口登记 of the child the application is about (at the 公安 task's approval, and again,
	 * idempotently, at completion): a person of its own, registered in the
	 * district of the application's 公安 task (else its first task), with the applicant and, when the
	 * form names one who is registered, the other parent as guardians. Idempotent per application.
	 */
	private PersonDetails registerChild(Application application) {
		Map<String, String> values = application.formValues();
		String registeringItem = application.tasks()
			.stream()
			.filter((task) -> "GA".equals(task.departmentCode()))
			.findFirst()
			.orElse(application.tasks().get(0))
			.itemCode();
		List<String> guardians = new ArrayList<>(List.of(application.applicantId()));
		String otherParent = values.get("spouseIdNumber");
		if (otherParent != null) {
			this.identity.personByIdNumber(otherParent).ifPresent((parent) -> guardians.add(parent.id()));
		}
		return this.identity.registerBirth(new BirthRegistration(application.id(), values.get("childName"),
				"男".equals(values.get("childGender")), LocalDate.parse(values.get("childBirthDate")),
				registeringItem.substring(0, 6), guardians));
	}

	/** A certificate is about the applicant unless the bundle maps its holder's name to another form field. */
	static boolean isAboutApplicant(Map<String, String> mapping) {
		String holderName = mapping.get("holderName");
		return holderName == null || holderName.equals("applicantName");
	}

	/**
	 * Whom the certificate names: the applicant's ID number when it is about the applicant, else the
	 * ID number the form gave for its holder, else nobody (null: never presented as anyone's).
	 */
	static String holderIdentifier(Application application, Map<String, String> mapping, Map<String, String> data) {
		if (isAboutApplicant(mapping)) {
			return application.applicantIdNumber();
		}
		return data.get("holderIdNumber");
	}

	/** One review (好差评) per closed application, by its applicant. */
	/** 好差评, stamped now by the service's clock (the review's own {@code at} is ignored). */
	Application review(Subject applicant, String applicationId, Application.Review given) {
		Application application = mine(applicant, applicationId);
		if (!application.closed()) {
			throw ApiException.onField("input.applicationId", ApplicationError.ILLEGAL_TRANSITION,
					"reviews are for completed or rejected applications");
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Application.Review review = new Application.Review(given.stars(), given.tags(), given.comment(), now);
		Update update = Update.update("review", review)
			.set("updatedAt", now)
			.set("version", application.version() + 1)
			.push("events", new Application.Event(now, Application.EventType.REVIEWED, null, null, applicant.id(), review.stars() + "★",
					actedBy(applicant)));
		if (this.mongo.updateFirst(Query.query(Criteria.where("_id").is(applicationId).and("review").is(null)), update,
				Application.class).getModifiedCount() == 0) {
			throw ApiException.onField("input.applicationId", ApplicationError.ALREADY_REVIEWED);
		}
		return this.mongo.findById(applicationId, Application.class);
	}

	/** The applicant's application; anyone else's is NOT_FOUND, like an unknown one. */
	Application mine(Subject applicant, String applicationId) {
		Application application = find(applicationId);
		if (application == null || !application.applicantId().equals(applicant.id())) {
			throw ApiException.onField("id", ApplicationError.APPLICATION_NOT_FOUND, applicationId);
		}
		return application;
	}

	/**
	 * Readable by its applicant, by staff of a department with a task in it, by admins, and for an
	 * enterprise's application by the enterprise's own systems (the integrators its webhooks go to).
	 */
	Application visibleTo(Subject viewer, String applicationId) {
		return visibleTo(viewer, applicationId, find(applicationId));
	}

	/** The same check on an application already read ({@code null}: there is none with the id). */
	Application visibleTo(Subject viewer, String applicationId, Application application) {
		boolean allowed = application != null && (application.applicantId().equals(viewer.id())
				|| viewer.has(Role.ADMIN) || (viewer.has(Role.STAFF) && application.tasks()
					.stream()
					.anyMatch((t) -> t.departmentCode().equals(viewer.departmentCode())))
				|| (viewer.has(Role.INTEGRATOR) && application.madeForAnotherHolder()
						&& this.identity.clientsActingFor(application.holderId()).contains(viewer.clientId())));
		if (!allowed) {
			throw ApiException.onField("id", ApplicationError.APPLICATION_NOT_FOUND, applicationId);
		}
		return application;
	}

	/** Applications by id in one read; ids too long to be one are left out, as {@link #find} does. */
	Map<String, Application> byIds(Collection<String> applicationIds) {
		List<String> plausible = applicationIds.stream().filter((id) -> id != null && id.length() <= 40).toList();
		if (plausible.isEmpty()) {
			return Map.of();
		}
		return this.mongo.find(Query.query(Criteria.where("_id").in(plausible)), Application.class)
			.stream()
			.collect(Collectors.toMap(Application::id, (application) -> application));
	}

	private Application find(String applicationId) {
		return (applicationId != null && applicationId.length() <= 40)
				? this.mongo.findById(applicationId, Application.class) : null;
	}

	static String idFor(String applicantId, String key) {
		return "app_" + Sha256.hex(applicantId + ":" + key).substring(0, 24);
	}

	private static String fingerprint(SubmitCommand command) {
		return Sha256.hex(command.bundleCode() + "|" + command.itemCode() + "|" + new TreeMap<>(command.formValues()) + "|"
				+ command.materialsAtCounter().stream().sorted().toList());
	}


	record SubmitCommand(String bundleCode, String itemCode, Map<String, String> formValues,
			List<String> materialsAtCounter, String idempotencyKey) {

		SubmitCommand withFormValues(Map<String, String> values) {
			return new SubmitCommand(this.bundleCode, this.itemCode, values, this.materialsAtCounter, this.idempotencyKey);
		}

	}

	/** The delegate's name when a relative or guardian acts for the applicant (亲情代办). */
	private String actedBy(Subject applicant) {
		return applicant.delegated()
				? this.identity.person(applicant.actorId()).map(PersonDetails::name).orElse(applicant.actorId()) : null;
	}

	/** Today in China by the service's clock. */
	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(ChinaTime.ZONE));
	}

}
