package cn.tongban.platform.security;

import java.util.Map;

import org.springframework.security.oauth2.jwt.Jwt;

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

	/** RFC 8693 §4.1 actor claim: an object whose {@code sub} is the person acting for the subject. */
	public static final String ACT = "act";

	/** Id of the delegation (亲情代办) a delegated token was exchanged under; checked on every request. */
	public static final String DELEGATION = "dlg";

	/** The actor's id from the {@code act} claim, or null for a token nobody acts through. */
	public static String actorOf(Jwt jwt) {
		Object act = jwt.getClaims().get(ACT);
		if (act instanceof Map<?, ?> actor && actor.get("sub") instanceof String sub && !sub.isBlank()) {
			return sub;
		}
		return null;
	}

	private TokenClaims() {
	}

}
