package cn.tongban.identity;

import java.time.Instant;
import java.util.List;

import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.PlatformError;
import cn.tongban.platform.security.Role;
import cn.tongban.platform.security.Subject;
import cn.tongban.platform.validation.CreditCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/**
 * An integrator's own credentials: when its secrets end, rotating them, where it may ask for tokens
 * from. An administrator may do the same for any client by naming it.
 */
@Controller
class ClientCredentialsController {

	static final String INTEGRATORS_AND_ADMINS = "hasAnyRole('INTEGRATOR', 'ADMIN')";

	private final ClientCredentials credentials;

	private final IdentityService identity;

	ClientCredentialsController(ClientCredentials credentials, IdentityService identity) {
		this.credentials = credentials;
		this.identity = identity;
	}

	@QueryMapping
	@PreAuthorize("hasRole('INTEGRATOR')")
	ClientRegistration myClientCredentials(Authentication caller) {
		return this.credentials.require(Subject.from(caller).clientId());
	}

	@MutationMapping
	@PreAuthorize(INTEGRATORS_AND_ADMINS)
	RotatedPayload rotateClientSecret(@Argument @Valid ClientInput input, Authentication caller) {
		Subject subject = Subject.from(caller);
		ClientCredentials.Rotated rotated = this.credentials.rotate(clientOf(subject, input.clientId()), subject.id());
		return new RotatedPayload(rotated.client(), rotated.secret());
	}

	@MutationMapping
	@PreAuthorize(INTEGRATORS_AND_ADMINS)
	ClientPayload setClientAddressAllowList(@Argument @Valid AllowListInput input, Authentication caller) {
		Subject subject = Subject.from(caller);
		return new ClientPayload(this.credentials.allowAddresses(clientOf(subject, input.clientId()), input.ranges(),
				subject.id()));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ADMIN')")
	ClientPayload setClientEnterprise(@Argument @Valid EnterpriseLinkInput input, Authentication caller) {
		return new ClientPayload(this.credentials.linkEnterprise(input.clientId(), input.creditCode(),
				Subject.from(caller).id()));
	}

	/** The enterprise whose own system the client is, if any. */
	@SchemaMapping(typeName = "ClientCredentials")
	EnterpriseDetails enterprise(ClientRegistration client) {
		return (client.enterpriseId() != null) ? this.identity.enterprise(client.enterpriseId()).orElse(null) : null;
	}

	@SchemaMapping(typeName = "ClientCredentials")
	List<Instant> secretExpiries(ClientRegistration client) {
		return this.credentials.secretExpiries(client);
	}

	@SchemaMapping(typeName = "ClientCredentials")
	List<String> allowedAddresses(ClientRegistration client) {
		return client.allowedAddressesOrEmpty();
	}

	/** An integrator acts on itself only (a client id it names is ignored); an admin names the client. */
	private static String clientOf(Subject subject, String named) {
		if (subject.has(Role.INTEGRATOR)) {
			return subject.clientId();
		}
		if (named == null || named.isBlank()) {
			throw ApiException.onField("input.clientId", PlatformError.INVALID_ARGUMENT, "name the client");
		}
		return named;
	}

	record ClientInput(@Size(max = 64) String clientId) {
	}

	record AllowListInput(@Size(max = 64) String clientId, @NotNull @Size(max = 20) List<@NotNull @Size(max = 50) String> ranges) {
	}

	record EnterpriseLinkInput(@NotBlank @Size(max = 64) String clientId, @CreditCode String creditCode) {
	}

	record RotatedPayload(ClientRegistration client, String secret) {
	}

	record ClientPayload(ClientRegistration client) {
	}

}
