package cn.tongban.identity;

import java.util.Arrays;
import java.util.Optional;

import cn.tongban.platform.security.Delegated;

/**
 * What a delegation (亲情代办) lets the actor do for the represented person, one OAuth scope each
 * ({@code delegate.applications} …); the operations each opens name the matching
 * {@link cn.tongban.platform.security.Delegated} rule.
 */
public enum DelegationScope {

	/** 办事: applications, benefit offers, hall appointments. */
	APPLICATIONS(Delegated.APPLICATIONS_SCOPE, "办事"),
	/** 证照: the card pack and its usage log. */
	CERTIFICATES(Delegated.CERTIFICATES_SCOPE, "证照"),
	/** 授权: consents to third parties. */
	CONSENTS(Delegated.CONSENTS_SCOPE, "授权用证"),
	/** 亮码: the resident code and its scans. */
	RESIDENT_CODE(Delegated.RESIDENT_CODE_SCOPE, "居民码");

	private final String scope;

	private final String label;

	DelegationScope(String scope, String label) {
		this.scope = scope;
		this.label = label;
	}

	public String scope() {
		return this.scope;
	}

	String label() {
		return this.label;
	}

	static Optional<DelegationScope> ofScope(String scope) {
		return Arrays.stream(values()).filter((value) -> value.scope.equals(scope)).findFirst();
	}

}
