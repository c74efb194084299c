package cn.tongban.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import cn.tongban.platform.graphql.Connection;
import cn.tongban.platform.security.Subject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.validation.annotation.Validated;

/** An integrator's webhook endpoints, their secrets, the delivery log and replay. */
@Controller
@Validated
class WebhookController {

	static final String INTEGRATORS = "hasRole('INTEGRATOR')";

	private final Webhooks webhooks;

	WebhookController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@QueryMapping
	@PreAuthorize(INTEGRATORS)
	List<WebhookEndpoint> myWebhookEndpoints(Authentication caller) {
		return this.webhooks.endpoints(client(caller));
	}

	@QueryMapping
	@PreAuthorize(INTEGRATORS)
	Connection<WebhookDelivery> webhookDeliveries(@Argument @NotBlank @Size(max = 40) String endpointId,
			@Argument Integer first, @Argument @Size(max = 200) String after, Authentication caller) {
		return this.webhooks.deliveries(client(caller), endpointId, first, after);
	}

	@MutationMapping
	@PreAuthorize(INTEGRATORS)
	SecretPayload registerWebhookEndpoint(@Argument @Valid RegisterInput input, Authentication caller) {
		Webhooks.Registered registered = this.webhooks.register(client(caller), input.url(), input.kinds());
		return new SecretPayload(registered.endpoint(), registered.secret());
	}

	@MutationMapping
	@PreAuthorize(INTEGRATORS)
	SecretPayload rotateWebhookSecret(@Argument @Valid EndpointInput input, Authentication caller) {
		Webhooks.Registered rotated = this.webhooks.rotateSecret(client(caller), input.endpointId());
		return new SecretPayload(rotated.endpoint(), rotated.secret());
	}

	@MutationMapping
	@PreAuthorize(INTEGRATORS)
	EndpointPayload resumeWebhookEndpoint(@Argument @Valid EndpointInput input, Authentication caller) {
		return new EndpointPayload(this.webhooks.resume(client(caller), input.endpointId()));
	}

	@MutationMapping
	@PreAuthorize(INTEGRATORS)
	EndpointPayload deleteWebhookEndpoint(@Argument @Valid EndpointInput input, Authentication caller) {
		return new EndpointPayload(this.webhooks.delete(client(caller), input.endpointId()));
	}

	@MutationMapping
	@PreAuthorize(INTEGRATORS)
	DeliveryPayload redeliverWebhookEvent(@Argument @Valid RedeliverInput input, Authentication caller) {
		return new DeliveryPayload(this.webhooks.redeliver(client(caller), input.endpointId(), input.eventId()));
	}

	@SchemaMapping(typeName = "WebhookEndpoint")
	List<WebhookKind> kinds(WebhookEndpoint endpoint) {
		return endpoint.kinds().stream().sorted().toList();
	}

	/** When each secret still signing stops (null: the newest, until rotated). */
	@SchemaMapping(typeName = "WebhookEndpoint")
	List<Instant> secretExpiries(WebhookEndpoint endpoint) {
		return endpoint.secrets().stream().map(WebhookEndpoint.Secret::expiresAt).toList();
	}

	private static String client(Authentication caller) {
		return Subject.from(caller).clientId();
	}

	record RegisterInput(@NotBlank @Size(max = EndpointAddresses.MAX_URL_LENGTH) String url,
			@NotEmpty @Size(max = 4) Set<@NotNull WebhookKind> kinds) {
	}

	record EndpointInput(@NotBlank @Size(max = 40) String endpointId) {
	}

	record RedeliverInput(@NotBlank @Size(max = 40) String endpointId, @NotBlank @Size(max = 40) String eventId) {
	}

	record SecretPayload(WebhookEndpoint endpoint, String secret) {
	}

	record EndpointPayload(WebhookEndpoint endpoint) {
	}

	record DeliveryPayload(WebhookDelivery delivery) {
	}

}
