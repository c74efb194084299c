package cn.tongban.identity;

import java.util.Map;

/**
 * One text message: the gateway's template (短信模板, approved in advance with the operator) and its
 * parameters, plus the rendered text for senders that take free text.
 *
 * @param template which approved template, e.g. {@link #LOGIN_CODE}
 */
public record SmsMessage(String mobile, String template, Map<String, String> params, String text) {

	public static final String LOGIN_CODE = "LOGIN_CODE";

	/** A code proving the holder of a mobile wants an application's progress (办件进度查询). */
	public static final String PROGRESS_CODE = "PROGRESS_CODE";

	/** A code the represented person reads to a relative to confirm a delegation (亲情代办授权). */
	public static final String DELEGATION_CODE = "DELEGATION_CODE";

	static SmsMessage loginCode(String mobile, String code, long minutes) {
		return new SmsMessage(mobile, LOGIN_CODE, Map.of("code", code, "minutes", Long.toString(minutes)),
				"【通办】您的登录验证码为 " + code + "，" + minutes + " 分钟内有效。请勿告诉他人。");
	}

	/** For logs: never the parameters, which carry the code. */
	@Override
	public String toString() {
		return "SmsMessage[template=" + this.template + "]";
	}

}
