package cn.tongban.identity;

import java.time.Clock;
import java.time.Instant;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Client authentication by secret (HTTP Basic or form), replacing the stock provider's one secret:
 * any live secret of the client matches (during a rotation the old and the new one), an expired
 * one never does, and a client with an address allow-list is refused from elsewhere. Every refusal
 * is {@code invalid_client}, audited by the token endpoint's failure handler.
 */
final class ClientSecretCheck implements AuthenticationProvider {

	private final ClientRegistrationRepository clients;

	private final PasswordEncoder passwords;

	private final Clock clock;

	ClientSecretCheck(ClientRegistrationRepository clients, PasswordEncoder passwords, Clock clock) {
		this.clients = clients;
		this.passwords = passwords;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		OAuth2ClientAuthenticationToken client = (OAuth2ClientAuthenticationToken) authentication;
		ClientAuthenticationMethod method = client.getClientAuthenticationMethod();
		if (!ClientAuthenticationMethod.CLIENT_SECRET_BASIC.equals(method)
				&& !ClientAuthenticationMethod.CLIENT_SECRET_POST.equals(method)) {
			return null;
		}
		String clientId = String.valueOf(client.getPrincipal());
		ClientRegistration registration = this.clients.findById(clientId).orElseThrow(() -> refused("unknown client"));
		Object given = client.getCredentials();
		Instant now = this.clock.instant();
		boolean matches = given instanceof String secret && registration.liveSecrets(now)
			.stream()
			.anyMatch((live) -> this.passwords.matches(secret, live.hash()));
		if (!matches) {
			throw refused("client secret wrong or expired");
		}
		if (!AddressRanges.allows(registration.allowedAddressesOrEmpty(), requestAddress())) {
			throw refused("not allowed from this address");
		}
		// the registration just read, as Spring Authorization Server's client: no second read
		RegisteredClient registeredClient = MongoRegisteredClientRepository.toRegisteredClient(registration);
		return new OAuth2ClientAuthenticationToken(registeredClient, method, given);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static String requestAddress() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest().getRemoteAddr() : null;
	}

	private static OAuth2AuthenticationException refused(String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, description, null));
	}

}
