package cn.tongban.platform.security;

/** The kinds of caller. A token carries its roles in the {@code roles} claim. */
public enum Role {

	/** A resident (居民) signed in with mobile number and SMS code. */
	RESIDENT,
	/** A person acting for an enterprise (企业经办人/法人) identified by its credit code. */
	ENTERPRISE,
	/** Window or back-office staff (窗口/审批人员) of one department. */
	STAFF,
	/** A third party (bank, insurer, courier, telecom) using client credentials. */
	INTEGRATOR,
	/** A code scanner (扫码终端) bound to one scenario and place. */
	TERMINAL,
	/** A platform administrator (系统管理员). */
	ADMIN,
	/**
	 * A relative or guardian acting for a resident (亲情代办): the token's {@code sub} is the
	 * represented resident, its {@code act} claim the actor, its scopes what the delegation allows.
	 */
	DELEGATE;

	public String authority() {
		return "ROLE_" + name();
	}

}
