package cn.tongban.certificate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.tongban.identity.IdentityService;
import cn.tongban.platform.graphql.Batches;
import cn.tongban.platform.graphql.Connection;
import cn.tongban.platform.security.Delegated;
import cn.tongban.platform.security.Subject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/** Purposes (integrators) and consents (holders). */
@Controller
class ConsentController {

	/** Holders, and a relative with the consents scope of a delegation (亲情代办). */
	static final String CONSENT_GIVERS = "hasAnyRole('RESIDENT', 'ENTERPRISE') or " + Delegated.CONSENTS;

	private final ConsentService consents;

	private final CertificateTypeService types;

	private final IdentityService identity;

	private final Clock clock;

	ConsentController(ConsentService consents, CertificateTypeService types, IdentityService identity, Clock clock) {
		this.clock = clock;
		this.consents = consents;
		this.types = types;
		this.identity = identity;
	}

	@QueryMapping
	@PreAuthorize(CONSENT_GIVERS)
	List<Consent> myConsents(Authentication caller) {
		return this.consents.of(Holder.idOf(Subject.from(caller)));
	}

	@QueryMapping
	@PreAuthorize("isAuthenticated()")
	List<Purpose> certificatePurposes(@Argument String integrator) {
		return this.consents.purposes(integrator);
	}

	@MutationMapping
	@PreAuthorize(CONSENT_GIVERS)
	ConsentPayload grantConsent(@Argument @Valid GrantConsentInput input, Authentication caller) {
		return new ConsentPayload(this.consents.grant(Holder.idOf(Subject.from(caller)), input.purpose(),
				input.certificateTypes(), input.days()));
	}

	@MutationMapping
	@PreAuthorize(CONSENT_GIVERS)
	ConsentPayload revokeConsent(@Argument @Valid RevokeConsentInput input, Authentication caller) {
		return new ConsentPayload(this.consents.revoke(Holder.idOf(Subject.from(caller)), input.id()));
	}

	@MutationMapping
	@PreAuthorize("hasRole('INTEGRATOR')")
	PurposePayload registerCertificatePurpose(@Argument @Valid RegisterPurposeInput input, Authentication caller) {
		return new PurposePayload(this.consents.register(Subject.from(caller).clientId(), input.code(), input.name(),
				input.description(), input.certificateTypes(), input.fields()));
	}

	@QueryMapping
	@PreAuthorize("hasRole('INTEGRATOR')")
	Connection<Consent> consentsForMyPurposes(@Argument Instant updatedSince, @Argument Integer first,
			@Argument @Size(max = 200) String after, Authentication caller) {
		return this.consents.changedFor(Subject.from(caller).clientId(), updatedSince, first, after);
	}

	@SchemaMapping(typeName = "Consent")
	Instant updatedAt(Consent consent) {
		return consent.changedAt();
	}

	@SchemaMapping(typeName = "Consent")
	boolean withdrawn(Consent consent) {
		return consent.revokedAt() != null;
	}

	@SchemaMapping(typeName = "Consent")
	String integrator(Consent consent) {
		return consent.integratorClientId();
	}

	@SchemaMapping(typeName = "Consent")
	boolean active(Consent consent) {
		return consent.activeAt(this.clock.instant());
	}

	@BatchMapping(typeName = "Consent", field = "purpose")
	Map<Consent, Purpose> consentPurpose(List<Consent> consents) {
		return Batches.resolve(consents, Consent::purposeCode, this.consents::purposesByCode);
	}

	@BatchMapping(typeName = "Consent", field = "integratorName")
	Map<Consent, String> consentIntegratorName(List<Consent> consents) {
		return Batches.resolve(consents, Consent::integratorClientId, this.identity::clientNames);
	}

	@BatchMapping(typeName = "Consent", field = "certificateTypes")
	Map<Consent, List<CertificateType>> consentTypes(List<Consent> consents) {
		return Batches.resolveAll(consents, Consent::certificateTypes, this.types::findByCodes);
	}

	@SchemaMapping(typeName = "CertificatePurpose")
	String integrator(Purpose purpose) {
		return purpose.integratorClientId();
	}

	@BatchMapping(typeName = "CertificatePurpose", field = "integratorName")
	Map<Purpose, String> purposeIntegratorName(List<Purpose> purposes) {
		return Batches.resolve(purposes, Purpose::integratorClientId, this.identity::clientNames);
	}

	@BatchMapping(typeName = "CertificatePurpose", field = "certificateTypes")
	Map<Purpose, List<CertificateType>> purposeTypes(List<Purpose> purposes) {
		return Batches.resolveAll(purposes, Purpose::certificateTypes, this.types::findByCodes);
	}

	record GrantConsentInput(@NotBlank String purpose, @Size(max = 10) List<@NotBlank String> certificateTypes,
			@NotNull Integer days) {
	}

	record RevokeConsentInput(@NotBlank @Size(max = 40) String id) {
	}

	record RegisterPurposeInput(@NotBlank @Pattern(regexp = "[A-Z0-9-]{3,40}") String code,
			@NotBlank @Size(min = 2, max = 30) String name, @Size(max = 200) String description,
			@NotEmpty @Size(max = 10) List<@NotBlank String> certificateTypes,
			@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 40) String> fields) {
	}

	record ConsentPayload(Consent consent) {
	}

	record PurposePayload(Purpose purpose) {
	}

}
