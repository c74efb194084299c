package cn.tongban.identity;

import java.util.List;
import java.util.Map;

import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.Batches;
import cn.tongban.platform.graphql.ClientAddress;
import cn.tongban.platform.privacy.Masking;
import cn.tongban.platform.security.Role;
import cn.tongban.platform.security.SecurityProperties;
import cn.tongban.platform.security.Subject;
import cn.tongban.platform.validation.MobileNumber;
import cn.tongban.reference.Department;
import cn.tongban.reference.References;
import cn.tongban.reference.Region;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

@Controller
class IdentityController {

	private final IdentityService identity;

	private final LoginCodes codes;

	private final SecurityProperties security;

	private final References references;

	IdentityController(IdentityService identity, LoginCodes codes, SecurityProperties security, References references) {
		this.identity = identity;
		this.references = references;
		this.codes = codes;
		this.security = security;
	}

	@QueryMapping
	@PreAuthorize("isAuthenticated()")
	Viewer me(Authentication authentication) {
		Subject subject = Subject.from(authentication);
		PersonDetails person = subject.isPerson() ? this.identity.person(subject.id()).orElse(null) : null;
		EnterpriseDetails enterprise = (subject.enterpriseId() != null)
				? this.identity.enterprise(subject.enterpriseId()).orElse(null) : null;
		String staffName = (subject.has(Role.STAFF) || subject.has(Role.ADMIN))
				? this.identity.staffName(subject.id()).orElse(null) : null;
		String clientName = this.identity.clientName(subject.clientId());
		String actorName = subject.delegated()
				? this.identity.person(subject.actorId()).map(PersonDetails::name).orElse(null) : null;
		return Viewer.of(subject, clientName, person, enterprise, staffName, actorName);
	}

	@MutationMapping
	@PreAuthorize("permitAll()")
	RequestLoginCodePayload requestLoginCode(@Argument @Valid RequestLoginCodeInput input,
			@ContextValue(ClientAddress.KEY) String address) {
		if (this.security.externalIssuer()) {
			throw new ApiException(IdentityError.SIGN_IN_ELSEWHERE, this.security.issuerUri());
		}
		long validity = this.codes.request(input.mobile(), address).toSeconds();
		return new RequestLoginCodePayload(Masking.mobile(input.mobile()),
				(int) validity, (int) LoginCodes.RESEND_AFTER.toSeconds(), ExtensionGrant.SMS_CODE.getValue());
	}

	@BatchMapping(typeName = "Viewer")
	Map<Viewer, Department> department(List<Viewer> viewers) {
		return Batches.resolve(viewers, Viewer::departmentCode, this.references::departmentsByCode);
	}

	@BatchMapping(typeName = "PersonProfile", field = "region")
	Map<PersonDetails, Region> personRegion(List<PersonDetails> people) {
		return Batches.resolve(people, PersonDetails::regionCode, this.references::regionsByCode);
	}

	@BatchMapping(typeName = "EnterpriseProfile", field = "region")
	Map<EnterpriseDetails, Region> enterpriseRegion(List<EnterpriseDetails> enterprises) {
		return Batches.resolve(enterprises, EnterpriseDetails::regionCode, this.references::regionsByCode);
	}

	@SchemaMapping(typeName = "Viewer")
	PersonDetails person(Viewer viewer, Authentication authentication) {
		return (viewer.person() != null) ? viewer.person().visibleTo(Subject.from(authentication)) : null;
	}

	@SchemaMapping(typeName = "EnterpriseProfile")
	PersonDetails legalRepresentative(EnterpriseDetails enterprise, Authentication authentication) {
		return this.identity.person(enterprise.legalRepresentativeId())
			.map((person) -> person.visibleTo(Subject.from(authentication)))
			.orElse(null);
	}

	record RequestLoginCodeInput(@NotBlank @MobileNumber String mobile) {
	}

	record RequestLoginCodePayload(String maskedMobile, int expiresInSeconds, int resendAfterSeconds,
			String grantType) {
	}

}
