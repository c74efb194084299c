package cn.tongban.identity;

import java.time.Instant;
import java.util.Set;

import cn.tongban.platform.security.Role;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/** A person or account that has just proved who they are, on its way into an access token. */
final class SignedIn extends AbstractAuthenticationToken {

	private final String subjectId;

	private final Set<Role> roles;

	private final String departmentCode;

	private final String enterpriseId;

	private final String actorId;

	private final String delegationId;

	private final Set<String> scopes;

	private final Instant until;

	SignedIn(String subjectId, Set<Role> roles, String departmentCode, String enterpriseId) {
		this(subjectId, roles, departmentCode, enterpriseId, null, null, null, null);
	}

	/**
	 * A delegate (亲情代办): {@code subjectId} is the represented person, {@code actorId} the person
	 * acting, {@code scopes} what the token may do, {@code until} the latest it may expire.
	 */
	SignedIn(String subjectId, Set<Role> roles, String departmentCode, String enterpriseId, String actorId,
			String delegationId, Set<String> scopes, Instant until) {
		super(AuthorityUtils.createAuthorityList(roles.stream().map(Role::authority).toArray(String[]::new)));
		this.subjectId = subjectId;
		this.roles = Set.copyOf(roles);
		this.departmentCode = departmentCode;
		this.enterpriseId = enterpriseId;
		this.actorId = actorId;
		this.delegationId = delegationId;
		this.scopes = (scopes != null) ? Set.copyOf(scopes) : null;
		this.until = until;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return this.subjectId;
	}

	Set<Role> roles() {
		return this.roles;
	}

	String departmentCode() {
		return this.departmentCode;
	}

	String enterpriseId() {
		return this.enterpriseId;
	}

	String actorId() {
		return this.actorId;
	}

	String delegationId() {
		return this.delegationId;
	}

	/** The token's scopes, or null for the client's registered ones. */
	Set<String> scopes() {
		return this.scopes;
	}

	Instant until() {
		return this.until;
	}

}
