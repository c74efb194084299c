package cn.tongban.identity;

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

	SignedIn(String subjectId, Set<Role> roles, String departmentCode, String enterpriseId) {
		super(AuthorityUtils.createAuthorityList(roles.stream().map(Role::authority).toArray(String[]::new)));
		this.subjectId = subjectId;
		this.roles = Set.copyOf(roles);
		this.departmentCode = departmentCode;
		this.enterpriseId = enterpriseId;
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

}
