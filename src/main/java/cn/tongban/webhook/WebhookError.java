package cn.tongban.webhook;

import cn.tongban.platform.graphql.ErrorCode;

import org.springframework.graphql.execution.ErrorType;

/** Webhook error codes, sent as {@code extensions.code}; never renamed once published. */
public enum WebhookError implements ErrorCode {

	WEBHOOK_URL_REFUSED(ErrorType.BAD_REQUEST, "该地址不能接收推送：%s", "This URL may not receive webhooks: %s"),
	WEBHOOK_ENDPOINT_LIMIT(ErrorType.BAD_REQUEST, "推送地址已达上限（%s 个）", "The limit of webhook endpoints (%s) is reached"),
	WEBHOOK_ENDPOINT_NOT_FOUND(ErrorType.NOT_FOUND, "推送地址不存在", "No such webhook endpoint"),
	WEBHOOK_EVENT_NOT_FOUND(ErrorType.NOT_FOUND, "推送事件不存在或已过保留期（7 天）",
			"No such webhook event, or it is older than 7 days"),
	WEBHOOK_ENDPOINT_DISABLED(ErrorType.BAD_REQUEST, "接收方已答复 410，该推送地址已停用，请重新登记",
			"The receiver answered 410: the endpoint is disabled; register it again");

	private final Text text;

	WebhookError(ErrorType classification, String zh, String en) {
		this.text = new Text(classification, zh, en);
	}

	@Override
	public Text text() {
		return this.text;
	}

}
