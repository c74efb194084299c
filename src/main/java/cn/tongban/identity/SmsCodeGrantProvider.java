package cn.tongban.identity;

import java.util.Set;

import cn.tongban.platform.audit.AuditLog;
import cn.tongban.platform.audit.AuditType;
import cn.tongban.platform.security.Role;

import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Residents: {@code mobile} + {@code code}. With {@code credit_code}, the person signs in as an
 * agent of that enterprise (role ENTERPRISE) if they are its legal representative or a listed agent.
 */
final class SmsCodeGrantProvider extends ExtensionGrantProvider {

	private final LoginCodes codes;

	private final EnterpriseRepository enterprises;

	private final AuditLog audit;

	SmsCodeGrantProvider(OAuth2TokenGenerator<? extends OAuth2Token> tokens, LoginCodes codes,
			EnterpriseRepository enterprises, AuditLog audit) {
		super(ExtensionGrant.SMS_CODE, tokens);
		this.codes = codes;
		this.enterprises = enterprises;
		this.audit = audit;
	}

	@Override
	SignedIn signIn(ExtensionGrant grant, String clientId) {
		Person person = this.codes.verify(grant.parameter("mobile"), grant.parameter("code"), grant.address());
		String creditCode = grant.parameter("credit_code");
		if (creditCode == null) {
			this.audit.record(AuditType.LOGIN_SUCCEEDED, person.id(), clientId, grant.address(), null, "RESIDENT");
			return new SignedIn(person.id(), Set.of(Role.RESIDENT), null, null);
		}
		Enterprise enterprise = this.enterprises.findByCreditCode(creditCode.toUpperCase())
			.filter((e) -> person.id().equals(e.legalRepresentativeId()) || e.agentIds().contains(person.id()))
			.orElse(null);
		if (enterprise == null) {
			this.audit.record(AuditType.LOGIN_FAILED, person.id(), clientId, grant.address(), creditCode,
					"not an agent of this enterprise");
			throw new SignInRefused("not an agent of the enterprise " + creditCode, false);
		}
		this.audit.record(AuditType.LOGIN_SUCCEEDED, person.id(), clientId, grant.address(), enterprise.id(),
				"ENTERPRISE");
		return new SignedIn(person.id(), Set.of(Role.ENTERPRISE), null, enterprise.id());
	}

}
