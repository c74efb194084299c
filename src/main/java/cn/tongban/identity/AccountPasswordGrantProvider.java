package cn.tongban.identity;

import java.util.EnumSet;

import cn.tongban.platform.audit.AuditLog;
import cn.tongban.platform.audit.AuditType;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/** Staff and administrators: {@code username} + {@code password}, with the same lockout as SMS codes. */
final class AccountPasswordGrantProvider extends ExtensionGrantProvider {

	/** Compared against when the account does not exist, so both answers take as long. */
	private static final String UNKNOWN_ACCOUNT_HASH = "{bcrypt}$2a$10$GU1qBX7TS2DvpKOWVevJbeCqwTFuLtB2UsOTwu1MQWUqsAlhznkt.";

	private final StaffAccountRepository accounts;

	private final PasswordEncoder passwords;

	private final LoginLockout lockout;

	private final AuditLog audit;

	AccountPasswordGrantProvider(OAuth2TokenGenerator<? extends OAuth2Token> tokens, StaffAccountRepository accounts,
			PasswordEncoder passwords, LoginLockout lockout, AuditLog audit) {
		super(ExtensionGrant.ACCOUNT_PASSWORD, tokens);
		this.accounts = accounts;
		this.passwords = passwords;
		this.lockout = lockout;
		this.audit = audit;
	}

	@Override
	SignedIn signIn(ExtensionGrant grant, String clientId) {
		String username = grant.parameter("username");
		String key = "account:" + username;
		long locked = this.lockout.minutesLocked(key);
		if (locked > 0) {
			this.audit.record(AuditType.LOGIN_LOCKED, username, clientId, grant.address(), null, "attempt while locked");
			throw new SignInRefused("locked for " + locked + " more minutes", true);
		}
		StaffAccount account = this.accounts.findById(username).orElse(null);
		String hash = (account != null) ? account.passwordHash() : UNKNOWN_ACCOUNT_HASH;
		boolean matches = this.passwords.matches(grant.parameter("password"), hash);
		if (account == null || !matches || !account.enabled()) {
			boolean nowLocked = this.lockout.recordFailure(key);
			this.audit.record(nowLocked ? AuditType.LOGIN_LOCKED : AuditType.LOGIN_FAILED, username, clientId,
					grant.address(), null, "wrong account or password");
			throw new SignInRefused("wrong account name or password", nowLocked);
		}
		this.lockout.reset(key);
		this.audit.record(AuditType.LOGIN_SUCCEEDED, username, clientId, grant.address(), null,
				account.roles().toString());
		return new SignedIn(username, EnumSet.copyOf(account.roles()), account.departmentCode(), null);
	}

}
