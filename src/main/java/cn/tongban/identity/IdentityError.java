package cn.tongban.identity;

import cn.tongban.platform.graphql.ErrorCode;

import org.springframework.graphql.execution.ErrorType;

/** The identity module's error codes (身份认证), sent as {@code extensions.code}; never renamed once published. */
public enum IdentityError implements ErrorCode {

	LOGIN_CODE_RATE_LIMITED(ErrorType.BAD_REQUEST, "验证码发送过于频繁，请 %s 秒后再试",
			"Too many codes requested; retry in %s seconds"),
	LOGIN_LOCKED(ErrorType.FORBIDDEN, "验证失败次数过多，请 %s 分钟后再试",
			"Too many failed attempts; retry in %s minutes"),
	SMS_UNAVAILABLE(ErrorType.INTERNAL_ERROR, "短信发送失败，请稍后重试",
			"The text message could not be sent; please retry later"),
	SIGN_IN_ELSEWHERE(ErrorType.BAD_REQUEST, "请通过统一身份认证平台登录：%s",
			"Sign in through the identity platform: %s");

	private final Text text;

	IdentityError(ErrorType classification, String zh, String en) {
		this.text = new Text(classification, zh, en);
	}

	@Override
	public Text text() {
		return this.text;
	}

}
