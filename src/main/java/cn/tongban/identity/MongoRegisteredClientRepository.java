package cn.tongban.identity;

import java.time.Duration;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Registered clients from the {@code oauth_clients} collection. Grant type and token lifetime follow
 * the kind of client (see docs/security.md); registration happens through seeds, not at runtime.
 */
final class MongoRegisteredClientRepository implements RegisteredClientRepository {

	/** Client setting: the {@link ClientRegistration.Kind}. */
	static final String KIND = "tongban.kind";

	/** Client setting: a terminal's scenario code. */
	static final String SCENARIO = "tongban.scenario";

	private final ClientRegistrationRepository clients;

	MongoRegisteredClientRepository(ClientRegistrationRepository clients) {
		this.clients = clients;
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		throw new UnsupportedOperationException("Clients are registered through identity/clients.json in a seed set");
	}

	@Override
	public RegisteredClient findById(String id) {
		return findByClientId(id);
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		if (clientId == null || clientId.length() > 100) {
			return null;
		}
		return this.clients.findById(clientId).map(MongoRegisteredClientRepository::toRegisteredClient).orElse(null);
	}

	static RegisteredClient toRegisteredClient(ClientRegistration client) {
		return RegisteredClient.withId(client.clientId())
			.clientId(client.clientId())
			.clientName(client.name())
			.clientSecret(client.secretHash())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(grantType(client.kind()))
			.authorizationGrantTypes((types) -> {
				if (client.kind() == ClientRegistration.Kind.APP) {
					types.add(AuthorizationGrantType.TOKEN_EXCHANGE);
				}
			})
			.scopes((scopes) -> scopes.addAll(client.scopes()))
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(lifetime(client.kind())).build())
			.clientSettings(clientSettings(client))
			.build();
	}

	private static ClientSettings clientSettings(ClientRegistration client) {
		ClientSettings.Builder settings = ClientSettings.builder().setting(KIND, client.kind());
		if (client.scenarioCode() != null) {
			settings.setting(SCENARIO, client.scenarioCode());
		}
		return settings.build();
	}

	static AuthorizationGrantType grantType(ClientRegistration.Kind kind) {
		return switch (kind) {
			case APP -> ExtensionGrant.SMS_CODE;
			case CONSOLE -> ExtensionGrant.ACCOUNT_PASSWORD;
			case INTEGRATOR, TERMINAL -> AuthorizationGrantType.CLIENT_CREDENTIALS;
		};
	}

	/** Residents stay signed in for a day's use of the app; staff for a shift; machines briefly. */
	static Duration lifetime(ClientRegistration.Kind kind) {
		return switch (kind) {
			case APP -> Duration.ofHours(12); // a delegate's exchanged token: 1 hour (TokenExchangeGrantProvider)
			case CONSOLE -> Duration.ofHours(8);
			case INTEGRATOR -> Duration.ofMinutes(30);
			case TERMINAL -> Duration.ofHours(1);
		};
	}

}
