package cn.tongban.identity;

import java.util.Map;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Issues an access token for an extension grant: the client must be authenticated and registered
 * for the grant type; the subclass proves who the user is. A refused proof is {@code invalid_grant}
 * with a short description ({@code LOGIN_LOCKED: …} while locked).
 */
abstract class ExtensionGrantProvider implements AuthenticationProvider {

	private final AuthorizationGrantType type;

	private final OAuth2TokenGenerator<? extends OAuth2Token> tokens;

	ExtensionGrantProvider(AuthorizationGrantType type, OAuth2TokenGenerator<? extends OAuth2Token> tokens) {
		this.type = type;
		this.tokens = tokens;
	}

	/** Who the request proves to be. */
	abstract SignedIn signIn(ExtensionGrant grant, String clientId);

	/** Called once the token for {@code user} was issued. */
	void issued(SignedIn user, ExtensionGrant grant, String clientId) {
	}

	/** Further parameters of the token response. */
	Map<String, Object> responseParameters() {
		return Map.of();
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		ExtensionGrant grant = (ExtensionGrant) authentication;
		if (!this.type.equals(grant.getGrantType())) {
			return null;
		}
		if (!(grant.getPrincipal() instanceof OAuth2ClientAuthenticationToken client) || !client.isAuthenticated()
				|| client.getRegisteredClient() == null) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
		}
		RegisteredClient registered = client.getRegisteredClient();
		if (!registered.getAuthorizationGrantTypes().contains(this.type)) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT);
		}
		SignedIn user;
		try {
			user = signIn(grant, registered.getClientId());
		}
		catch (SignInRefused refused) {
			String description = (refused.locked() ? "LOGIN_LOCKED: " : "") + refused.getMessage();
			throw new OAuth2AuthenticationException(
					new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, description, null));
		}
		OAuth2TokenContext context = DefaultOAuth2TokenContext.builder()
			.registeredClient(registered)
			.principal(user)
			.authorizationServerContext(AuthorizationServerContextHolder.getContext())
			.authorizedScopes((user.scopes() != null) ? user.scopes() : registered.getScopes())
			.tokenType(OAuth2TokenType.ACCESS_TOKEN)
			.authorizationGrantType(this.type)
			.authorizationGrant(grant)
			.build();
		OAuth2Token generated = this.tokens.generate(context);
		if (generated == null) {
			throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.SERVER_ERROR,
					"The token generator failed to generate the access token.", null));
		}
		OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
				generated.getTokenValue(), generated.getIssuedAt(), generated.getExpiresAt(),
				context.getAuthorizedScopes());
		issued(user, grant, registered.getClientId());
		return new OAuth2AccessTokenAuthenticationToken(registered, client, accessToken, null, responseParameters());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return ExtensionGrant.class.isAssignableFrom(authentication);
	}

}
