package cn.tongban.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.tongban.platform.audit.AuditLog;
import cn.tongban.platform.audit.AuditType;
import cn.tongban.platform.security.Role;
import cn.tongban.platform.security.TokenClaims;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes Tongban's claims: audience, client id, roles and, by kind of subject, department,
 * enterprise or scenario. A client-credentials request without {@code scope} gets the client's
 * registered scopes (RFC 6749 §3.3 default).
 */
final class TokenClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final String audience;


	private final AuditLog audit;

	TokenClaimsCustomizer(String audience, AuditLog audit) {
		this.audience = audience;
		this.audit = audit;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		String clientId = context.getRegisteredClient().getClientId();
		var claims = context.getClaims().audience(List.of(this.audience)).claim(TokenClaims.CLIENT_ID, clientId);
		if (context.getPrincipal() instanceof SignedIn user) {
			claims.claim(TokenClaims.ROLES, user.roles().stream().map(Role::name).sorted().toList());
			if (user.departmentCode() != null) {
				claims.claim(TokenClaims.DEPARTMENT, user.departmentCode());
			}
			if (user.enterpriseId() != null) {
				claims.claim(TokenClaims.ENTERPRISE, user.enterpriseId());
			}
			if (user.actorId() != null) {
				claims.claim(TokenClaims.ACT, Map.of("sub", user.actorId()));
				claims.claim(TokenClaims.DELEGATION, user.delegationId());
				claims.claims((all) -> all.put("exp", earliest((Instant) all.get("exp"), user.until())));
			}
			return;
		}
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			// kind and scenario travel with the registered client the token endpoint already loaded
			var settings = context.getRegisteredClient().getClientSettings();
			Role role = (settings.getSetting(MongoRegisteredClientRepository.KIND) == ClientRegistration.Kind.TERMINAL)
					? Role.TERMINAL : Role.INTEGRATOR;
			claims.claim(TokenClaims.ROLES, List.of(role.name()));
			String scenario = settings.getSetting(MongoRegisteredClientRepository.SCENARIO);
			if (scenario != null) {
				claims.claim(TokenClaims.SCENARIO, scenario);
			}
			var registeredScopes = context.getRegisteredClient().getScopes();
			if (context.getAuthorizedScopes().isEmpty() && !registeredScopes.isEmpty()) {
				claims.claim("scope", List.copyOf(registeredScopes));
			}
			this.audit.record(AuditType.CLIENT_TOKEN_ISSUED, clientId, clientId, requestAddress(), null, role.name());
		}
	}

	private static Instant earliest(Instant expiry, Instant until) {
		return (until != null && until.isBefore(expiry)) ? until : expiry;
	}

	/** The token request's client address (the customizer runs on the request's thread). */
	private static String requestAddress() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest().getRemoteAddr() : null;
	}

}
