package cn.tongban.platform.security;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The signed-in caller as the modules see it. {@code id} is the token's {@code sub}: a person id
 * for residents and enterprise agents, an account name for staff and admins, a client id for
 * integrators and terminals. A delegated token (亲情代办, RFC 8693) names the represented person
 * in {@code id} and the person acting in {@code actorId} (its {@code act} claim), with role
 * {@link Role#DELEGATE} only.
 */
public record Subject(String id, Set<Role> roles, String clientId, String departmentCode, String enterpriseId,
		String scenarioCode, List<String> scopes, Instant expiresAt, String actorId, String delegationId) {

	public Subject(String id, Set<Role> roles, String clientId, String departmentCode, String enterpriseId,
			String scenarioCode, List<String> scopes, Instant expiresAt) {
		this(id, roles, clientId, departmentCode, enterpriseId, scenarioCode, scopes, expiresAt, null, null);
	}

	/** The caller of the current request, or {@code null} when nobody is signed in. */
	public static Subject current() {
		return from(SecurityContextHolder.getContext().getAuthentication());
	}

	public static Subject from(Authentication authentication) {
		if (!(authentication instanceof JwtAuthenticationToken token)
				|| authentication instanceof AnonymousAuthenticationToken) {
			return null;
		}
		Jwt jwt = token.getToken();
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (Role role : Role.values()) {
			if (token.getAuthorities().stream().anyMatch((a) -> a.getAuthority().equals(role.authority()))) {
				roles.add(role);
			}
		}
		List<String> scopes = token.getAuthorities()
			.stream()
			.map((a) -> a.getAuthority())
			.filter((a) -> a.startsWith("SCOPE_"))
			.map((a) -> a.substring("SCOPE_".length()))
			.toList();
		String clientId = jwt.hasClaim(TokenClaims.CLIENT_ID) ? jwt.getClaimAsString(TokenClaims.CLIENT_ID)
				: jwt.getClaimAsString("azp");
		return new Subject(jwt.getSubject(), Set.copyOf(roles), clientId, jwt.getClaimAsString(TokenClaims.DEPARTMENT),
				jwt.getClaimAsString(TokenClaims.ENTERPRISE), jwt.getClaimAsString(TokenClaims.SCENARIO), scopes,
				jwt.getExpiresAt(), TokenClaims.actorOf(jwt), jwt.getClaimAsString(TokenClaims.DELEGATION));
	}

	/** Whether someone else acts for the subject (亲情代办). */
	public boolean delegated() {
		return this.actorId != null;
	}

	/**
	 * Whether the subject id is a person's own id: a resident, an enterprise agent, or the person a
	 * delegate acts for (who sees what that person would).
	 */
	public boolean isPerson() {
		return has(Role.RESIDENT) || has(Role.ENTERPRISE) || has(Role.DELEGATE);
	}

	/** Who did it: the actor of a delegated token, else the subject. */
	public String actingPersonId() {
		return (this.actorId != null) ? this.actorId : this.id;
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	/**
	 * Whose certificates, codes and applications the caller acts on: the enterprise for an
	 * enterprise agent, the person for a resident or for whom a delegate acts; null for staff,
	 * admins and machines.
	 */
	public String holderId() {
		if (has(Role.ENTERPRISE) && this.enterpriseId != null) {
			return this.enterpriseId;
		}
		return (has(Role.RESIDENT) || has(Role.DELEGATE)) ? this.id : null;
	}

}
