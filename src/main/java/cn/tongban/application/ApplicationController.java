package cn.tongban.application;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.tongban.application.ApplicationQueries.QueuedTask;
import cn.tongban.application.ApplicationQueries.ReviewSummary;
import cn.tongban.bundle.Bundle;
import cn.tongban.bundle.BundleService;
import cn.tongban.catalog.CatalogService;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.certificate.Certificate;
import cn.tongban.certificate.CertificateService;
import cn.tongban.certificate.CertificateType;
import cn.tongban.certificate.CertificateTypeService;
import cn.tongban.identity.IdentityService;
import cn.tongban.identity.PersonDetails;
import cn.tongban.identity.PossessionCodes;
import cn.tongban.platform.graphql.Batches;
import cn.tongban.platform.graphql.ClientAddress;
import cn.tongban.platform.graphql.Connection;
import cn.tongban.platform.rules.Rule;
import cn.tongban.platform.security.Delegated;
import cn.tongban.platform.security.Subject;
import cn.tongban.reference.Department;
import cn.tongban.reference.References;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

import reactor.core.publisher.Flux;

@Controller
class ApplicationController {

	/**
	 * Who may read one application: its applicant (or their delegate), staff of its departments,
	 * admins, and an enterprise's own systems (integrators) its enterprise's ones.
	 */
	static final String READERS = "hasAnyRole('RESIDENT', 'ENTERPRISE', 'STAFF', 'ADMIN', 'INTEGRATOR') or "
			+ Delegated.APPLICATIONS;

	static final String APPLICANTS = "hasAnyRole('RESIDENT', 'ENTERPRISE') or " + Delegated.APPLICATIONS;

	private final ApplicationService applications;

	private final ApplicationQueries queries;

	private final BundleService bundles;

	private final IdentityService identity;

	private final ApplicationEvents events;

	private final CatalogService catalog;

	private final References references;

	private final CertificateTypeService certificateTypes;

	private final CertificateService certificates;

	private final ApprovalRules approvalRules;

	private final ApplicationFigures figures;

	private final ApplicationProgress progress;

	ApplicationController(ApplicationService applications, ApplicationQueries queries, BundleService bundles,
			IdentityService identity, ApplicationEvents events, CatalogService catalog, References references,
			CertificateTypeService certificateTypes, CertificateService certificates, ApprovalRules approvalRules,
			ApplicationFigures figures, ApplicationProgress progress) {
		this.progress = progress;
		this.approvalRules = approvalRules;
		this.figures = figures;
		this.applications = applications;
		this.queries = queries;
		this.bundles = bundles;
		this.identity = identity;
		this.events = events;
		this.catalog = catalog;
		this.references = references;
		this.certificateTypes = certificateTypes;
		this.certificates = certificates;
	}

	@MutationMapping
	@PreAuthorize(APPLICANTS)
	Payload submitApplication(@Argument @Valid SubmitInput input, Authentication caller) {
		return new Payload(this.applications.submit(Subject.from(caller),
				new ApplicationService.SubmitCommand(input.bundle(), input.item(), values(input.formValues()),
						(input.materialsAtCounter() != null) ? input.materialsAtCounter() : List.of(),
						input.idempotencyKey())));
	}

	@MutationMapping
	@PreAuthorize("hasRole('STAFF')")
	Payload acceptTask(@Argument @Valid TaskInput input, Authentication caller) {
		return act(input, caller, Application.Action.ACCEPT);
	}

	@MutationMapping
	@PreAuthorize("hasRole('STAFF')")
	Payload requestSupplement(@Argument @Valid TaskInput input, Authentication caller) {
		return act(input, caller, Application.Action.REQUEST_SUPPLEMENT);
	}

	@MutationMapping
	@PreAuthorize("hasRole('STAFF')")
	Payload approveTask(@Argument @Valid TaskInput input, Authentication caller) {
		return act(input, caller, Application.Action.APPROVE);
	}

	@MutationMapping
	@PreAuthorize("hasRole('STAFF')")
	Payload rejectTask(@Argument @Valid TaskInput input, Authentication caller) {
		return act(input, caller, Application.Action.REJECT);
	}

	private Payload act(TaskInput input, Authentication caller, Application.Action action) {
		return new Payload(this.applications.act(Subject.from(caller), input.applicationId(), input.taskId(), action,
				input.reason(), (input.expectedVersion() != null) ? input.expectedVersion().longValue() : null));
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	Payload revokeAutomaticApproval(@Argument @Valid RevokeInput input, Authentication caller) {
		return new Payload(this.applications.revokeAutomaticApproval(Subject.from(caller), input.applicationId(),
				input.taskId(), input.reason()));
	}

	@MutationMapping
	@PreAuthorize("permitAll()")
	ProgressCodePayload requestProgressCode(@Argument @Valid ProgressCodeInput input,
			@ContextValue(ClientAddress.KEY) String address) {
		PossessionCodes.Sent sent = this.progress.requestCode(input.applicationId(), address);
		return new ProgressCodePayload(sent.maskedMobile(), sent.validity().toSeconds());
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	ApplicationProgress.Progress applicationProgress(@Argument @NotBlank @Size(max = 40) String applicationId,
			@Argument @NotBlank @Size(max = 10) String code) {
		return this.progress.progress(applicationId, code);
	}

	@SchemaMapping(typeName = "ProgressStep")
	Department department(ApplicationProgress.Step step) {
		return (step.departmentCode() != null) ? this.references.department(step.departmentCode()) : null;
	}

	@SchemaMapping(typeName = "ApprovalDecision")
	Instant reviewableUntil(Application.Decision decision) {
		return this.applications.reviewableUntil(decision);
	}

	/** 秒批条件 in an item's guide: the texts of its approval rules. */
	@SchemaMapping(typeName = "ServiceItem")
	List<Rule> instantApprovalConditions(ServiceItem item) {
		return this.approvalRules.of(item).orElse(List.of());
	}

	@SchemaMapping(typeName = "CatalogStatistics")
	ApplicationFigures.Figures applications() {
		return this.figures.figures();
	}

	@MutationMapping
	@PreAuthorize(APPLICANTS)
	Payload supplementApplication(@Argument @Valid SupplementInput input, Authentication caller) {
		return new Payload(this.applications.supplement(Subject.from(caller), input.applicationId(),
				values(input.formValues()), input.note()));
	}

	@MutationMapping
	@PreAuthorize(APPLICANTS)
	Payload reviewApplication(@Argument @Valid ReviewInput input, Authentication caller) {
		return new Payload(this.applications.review(Subject.from(caller), input.applicationId(),
				new Application.Review(input.stars(), (input.tags() != null) ? input.tags() : List.of(), input.comment(),
						null)));
	}

	@QueryMapping
	@PreAuthorize(APPLICANTS)
	Connection<Application> myApplications(@Argument Application.Status status, @Argument Integer first,
			@Argument String after, Authentication caller) {
		return this.queries.mine(Subject.from(caller).id(), status, first, after);
	}

	@QueryMapping
	@PreAuthorize(READERS)
	Application application(@Argument String id, Authentication caller) {
		return this.applications.visibleTo(Subject.from(caller), id);
	}

	@QueryMapping
	@PreAuthorize("hasRole('STAFF')")
	Connection<QueuedTask> taskQueue(@Argument Application.TaskStatus status, @Argument Boolean approvedByRules,
			@Argument Integer first, @Argument String after, Authentication caller) {
		return this.queries.queue(Subject.from(caller).departmentCode(), status, approvedByRules, first, after);
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	List<ReviewSummary> departmentReviewSummaries() {
		return this.queries.reviewSummaries();
	}

	@SubscriptionMapping
	@PreAuthorize(APPLICANTS)
	Flux<ApplicationEvents.Change> applicationUpdates(Authentication caller) {
		return this.events.of(Subject.from(caller).id());
	}

	@SchemaMapping(typeName = "Application")
	List<Map<String, String>> formValues(Application application) {
		Map<String, String> sources = (application.formSources() != null) ? application.formSources() : Map.of();
		return application.formValues()
			.entrySet()
			.stream()
			.map((e) -> Map.of("key", e.getKey(), "value", e.getValue(), "source",
					sources.getOrDefault(e.getKey(), FormValidator.TYPED)))
			.toList();
	}

	@SchemaMapping(typeName = "Application")
	List<Application.Event> timeline(Application application) {
		return application.events();
	}

	@SchemaMapping(typeName = "Application")
	long version(Application application) {
		return application.version();
	}

	@BatchMapping(typeName = "Application", field = "bundle")
	Map<Application, Bundle> bundle(List<Application> applications) {
		return Batches.resolve(applications, Application::bundleCode, this.bundles::bundlesByCode);
	}

	@BatchMapping(typeName = "Application", field = "applicant")
	Map<Application, PersonDetails> applicant(List<Application> applications, Authentication caller) {
		Subject viewer = Subject.from(caller);
		Map<Application, PersonDetails> result = Batches.resolve(applications, Application::applicantId,
				this.identity::people);
		result.replaceAll((application, person) -> (person != null) ? person.visibleTo(viewer) : null);
		return result;
	}

	@BatchMapping(typeName = "ApplicationTask", field = "item")
	Map<Application.Task, ServiceItem> taskItem(List<Application.Task> tasks) {
		return Batches.resolve(tasks, Application.Task::itemCode, this.catalog::itemsByCodes);
	}

	@BatchMapping(typeName = "ApplicationTask", field = "department")
	Map<Application.Task, Department> taskDepartment(List<Application.Task> tasks) {
		return Batches.resolve(tasks, Application.Task::departmentCode, this.references::departmentsByCode);
	}

	@BatchMapping(typeName = "ApplicationEvent", field = "department")
	Map<Application.Event, Department> eventDepartment(List<Application.Event> events) {
		return Batches.resolve(events, Application.Event::departmentCode, this.references::departmentsByCode);
	}

	@BatchMapping(typeName = "ApplicationMaterial", field = "certificateType")
	Map<Application.MaterialEntry, CertificateType> materialType(List<Application.MaterialEntry> materials) {
		return Batches.resolve(materials, Application.MaterialEntry::certificateTypeCode,
				this.certificateTypes::findByCodes);
	}

	/** The certificate used, for whom it is in the card pack (the holder, their delegate); null for staff. */
	@BatchMapping(typeName = "ApplicationMaterial", field = "certificate")
	Map<Application.MaterialEntry, Certificate> materialCertificate(List<Application.MaterialEntry> materials,
			Authentication caller) {
		Subject viewer = Subject.from(caller);
		return Batches.resolve(materials, Application.MaterialEntry::certificateId,
				(ids) -> this.certificates.openableBy(viewer, ids));
	}

	@BatchMapping(typeName = "Application", field = "issuedCertificates")
	Map<Application, List<Certificate>> issuedCertificates(List<Application> applications) {
		return Batches.resolveAll(applications, Application::issuedCertificateIds, this.certificates::findByIds);
	}

	@BatchMapping(typeName = "DepartmentReviewSummary", field = "department")
	Map<ReviewSummary, Department> summaryDepartment(List<ReviewSummary> summaries) {
		return Batches.resolve(summaries, ReviewSummary::departmentCode, this.references::departmentsByCode);
	}

	private static Map<String, String> values(List<FormValueInput> inputs) {
		Map<String, String> values = new LinkedHashMap<>();
		if (inputs != null) {
			inputs.forEach((input) -> values.put(input.key(), input.value()));
		}
		return values;
	}

	record FormValueInput(@NotBlank @Size(max = 40) String key, @NotNull @Size(max = 200) String value) {
	}

	record SubmitInput(@Size(max = 40) String bundle, @Size(max = 30) String item,
			@NotNull @Size(max = 60) List<@Valid FormValueInput> formValues,
			@Size(max = 30) List<@NotBlank @Size(max = 60) String> materialsAtCounter,
			@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{8,64}") String idempotencyKey) {
	}

	record TaskInput(@NotBlank @Size(max = 40) String applicationId, @NotBlank @Size(max = 10) String taskId,
			@Size(max = 300) String reason, Integer expectedVersion) {
	}

	record ProgressCodeInput(@NotBlank @Size(max = 40) String applicationId) {
	}

	record ProgressCodePayload(String maskedMobile, long expiresInSeconds) {
	}

	record RevokeInput(@NotBlank @Size(max = 40) String applicationId, @NotBlank @Size(max = 10) String taskId,
			@NotBlank @Size(max = 300) String reason) {
	}

	record SupplementInput(@NotBlank @Size(max = 40) String applicationId,
			@Size(max = 60) List<@Valid FormValueInput> formValues, @Size(max = 300) String note) {
	}

	record ReviewInput(@NotBlank @Size(max = 40) String applicationId, @Min(1) @Max(5) int stars,
			@Size(max = 5) List<@NotBlank @Size(max = 10) String> tags, @Size(max = 300) String comment) {
	}

	record Payload(Application application) {
	}

}
