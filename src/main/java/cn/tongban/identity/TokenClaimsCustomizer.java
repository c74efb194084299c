package cn.tongban.identity;

import java.util.List;

import cn.tongban.platform.audit.AuditLog;
import cn.tongban.platform.audit.AuditType;
import cn.tongban.platform.security.Role;
import cn.tongban.platform.security.TokenClaims;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Writes Tongban's claims: audience, client id, roles and, by kind of subject, department,
 * enterprise or scenario. A client-credentials request without {@code scope} gets the client's
 * registered scopes (RFC 6749 §3.3 default).
 */
final class TokenClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final String audience;

	private final ClientRegistrationRepository clients;

	private final AuditLog audit;

	TokenClaimsCustomizer(String audience, ClientRegistrationRepository clients, AuditLog audit) {
		this.audience = audience;
		this.clients = clients;
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
			return;
		}
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			ClientRegistration client = this.clients.findById(clientId).orElseThrow();
			Role role = (client.kind() == ClientRegistration.Kind.TERMINAL) ? Role.TERMINAL : Role.INTEGRATOR;
			claims.claim(TokenClaims.ROLES, List.of(role.name()));
			if (client.scenarioCode() != null) {
				claims.claim(TokenClaims.SCENARIO, client.scenarioCode());
			}
			if (context.getAuthorizedScopes().isEmpty() && !client.scopes().isEmpty()) {
				claims.claim("scope", client.scopes());
			}
			this.audit.record(AuditType.CLIENT_TOKEN_ISSUED, clientId, clientId, null, null, role.name());
		}
	}

}
