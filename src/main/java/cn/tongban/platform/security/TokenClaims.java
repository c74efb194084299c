package cn.tongban.platform.security;

/** Claim names the embedded authorization server writes and the resource server reads. */
public final class TokenClaims {

	public static final String ROLES = "roles";

	/** Department code of a STAFF subject. */
	public static final String DEPARTMENT = "dept";

	/** Enterprise id an ENTERPRISE subject acts for. */
	public static final String ENTERPRISE = "ent";

	/** Scenario code a TERMINAL is bound to. */
	public static final String SCENARIO = "scenario";

	public static final String CLIENT_ID = "client_id";

	private TokenClaims() {
	}

}
