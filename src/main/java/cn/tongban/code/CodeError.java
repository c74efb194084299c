package cn.tongban.code;

import cn.tongban.platform.graphql.ErrorCode;

import org.springframework.graphql.execution.ErrorType;

/** The code module's error codes (居民码), sent as {@code extensions.code}; never renamed once published. */
public enum CodeError implements ErrorCode {

	CODE_MALFORMED(ErrorType.BAD_REQUEST, "不是有效的居民码",
			"Not a resident code"),
	UNKNOWN_ISSUER(ErrorType.BAD_REQUEST, "码的签发方不受信任",
			"The code's issuer is not trusted"),
	BAD_SIGNATURE(ErrorType.BAD_REQUEST, "码的签名无效，可能被篡改",
			"The code's signature is not valid; it may have been altered"),
	CODE_EXPIRED(ErrorType.BAD_REQUEST, "码已过期，请刷新后重试",
			"The code has expired; refresh it"),
	CODE_REVOKED(ErrorType.BAD_REQUEST, "码已失效（已作废或已被新码取代）",
			"The code was revoked or replaced by a newer one"),
	CODE_REPLAYED(ErrorType.BAD_REQUEST, "该码已在此场景使用过",
			"The code was already used here"),
	SCENARIO_NOT_ALLOWED(ErrorType.FORBIDDEN, "此场景不受理该码",
			"This scenario does not accept this code");

	private final Text text;

	CodeError(ErrorType classification, String zh, String en) {
		this.text = new Text(classification, zh, en);
	}

	@Override
	public Text text() {
		return this.text;
	}

}
