package cn.tongban.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.tongban.platform.audit.AuditLog;
import cn.tongban.platform.audit.AuditType;
import cn.tongban.platform.security.Role;
import cn.tongban.platform.security.TokenClaims;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * OAuth 2.0 Token Exchange (RFC 8693) for 亲情代办. The actor presents their own access token as
 * {@code actor_token} and the delegation's id as {@code subject_token} (type
 * {@value #DELEGATION_TOKEN_TYPE}); the answer is an access token whose {@code sub} is the
 * represented person and whose {@code act} claim names the actor, for at most an hour and never
 * past the delegation's end or the actor token's. Scopes only narrow: each one asked for must lie
 * within the delegation's — checked here, because the stock provider compares them with the
 * client's registered scopes only.
 */
final class TokenExchangeGrantProvider extends ExtensionGrantProvider {

	static final AuthorizationGrantType TOKEN_EXCHANGE = AuthorizationGrantType.TOKEN_EXCHANGE;

	static final String DELEGATION_TOKEN_TYPE = "urn:tongban:params:oauth:token-type:delegation";

	static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

	static final String JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";

	static final Duration LIFETIME = Duration.ofHours(1);

	static final List<String> REQUIRED = List.of("subject_token", "subject_token_type", "actor_token",
			"actor_token_type");

	static final List<String> OPTIONAL = List.of("scope", "requested_token_type", "audience", "resource");

	private final JwtDecoder decoder;

	private final Delegations delegations;

	private final AuditLog audit;

	private final Clock clock;

	TokenExchangeGrantProvider(OAuth2TokenGenerator<? extends OAuth2Token> tokens, JwtDecoder decoder,
			Delegations delegations, AuditLog audit, Clock clock) {
		super(TOKEN_EXCHANGE, tokens);
		this.decoder = decoder;
		this.delegations = delegations;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	SignedIn signIn(ExtensionGrant grant, String clientId) {
		require(DELEGATION_TOKEN_TYPE.equals(grant.parameter("subject_token_type")),
				"subject_token_type must be " + DELEGATION_TOKEN_TYPE);
		String actorType = grant.parameter("actor_token_type");
		require(ACCESS_TOKEN_TYPE.equals(actorType) || JWT_TOKEN_TYPE.equals(actorType),
				"actor_token_type must be " + ACCESS_TOKEN_TYPE);
		String requestedType = grant.parameter("requested_token_type");
		require(requestedType == null || ACCESS_TOKEN_TYPE.equals(requestedType),
				"requested_token_type must be " + ACCESS_TOKEN_TYPE);
		Jwt actor = actor(grant.parameter("actor_token"), clientId);
		Set<String> scopes = new LinkedHashSet<>();
		String scope = grant.parameter("scope");
		if (scope != null) {
			scopes.addAll(Arrays.asList(scope.trim().split("\\s+")));
		}
		Delegations.Grant delegation;
		try {
			delegation = this.delegations.exchange(grant.parameter("subject_token"), actor.getSubject(), scopes);
		}
		catch (Delegations.ExchangeRefused refused) {
			this.audit.record(AuditType.TOKEN_EXCHANGE_REFUSED, actor.getSubject(), clientId, grant.address(),
					grant.parameter("subject_token"), refused.getMessage());
			throw new OAuth2AuthenticationException(new OAuth2Error(
					refused.scope() ? OAuth2ErrorCodes.INVALID_SCOPE : OAuth2ErrorCodes.INVALID_GRANT,
					refused.getMessage(), null));
		}
		Instant until = earliest(this.clock.instant().plus(LIFETIME), delegation.until(), actor.getExpiresAt());
		return new SignedIn(delegation.representedId(), Set.of(Role.DELEGATE), null, null, actor.getSubject(),
				delegation.delegationId(), delegation.scopes().stream().map(DelegationScope::scope).collect(Collectors.toSet()),
				until);
	}

	@Override
	void issued(SignedIn user, ExtensionGrant grant, String clientId) {
		this.delegations.exchanged(user.delegationId(), (String) user.getPrincipal(), user.scopes(), user.actorId(),
				clientId, grant.address());
	}

	@Override
	Map<String, Object> responseParameters() {
		return Map.of("issued_token_type", ACCESS_TOKEN_TYPE);
	}

	/** The actor's own resident token, issued to this same client: no chains, no machines, no staff. */
	private Jwt actor(String token, String clientId) {
		Jwt actor;
		try {
			actor = this.decoder.decode(token);
		}
		catch (JwtException ex) {
			throw grantRefused("actor_token is not a valid access token");
		}
		if (TokenClaims.actorOf(actor) != null) {
			throw grantRefused("actor_token is itself a delegated token");
		}
		List<String> roles = actor.getClaimAsStringList(TokenClaims.ROLES);
		if (roles == null || !roles.contains(Role.RESIDENT.name())) {
			throw grantRefused("only a resident may act for someone");
		}
		if (!clientId.equals(actor.getClaimAsString(TokenClaims.CLIENT_ID))) {
			throw grantRefused("actor_token was issued to another client");
		}
		return actor;
	}

	private static Instant earliest(Instant... instants) {
		return Arrays.stream(instants).filter((instant) -> instant != null).min(Instant::compareTo).orElseThrow();
	}

	private static void require(boolean condition, String description) {
		if (!condition) {
			throw new OAuth2AuthenticationException(
					new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, description, null));
		}
	}

	private static OAuth2AuthenticationException grantRefused(String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, description, null));
	}

}
