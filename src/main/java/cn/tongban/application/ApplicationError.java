package cn.tongban.application;

import cn.tongban.platform.graphql.ErrorCode;

import org.springframework.graphql.execution.ErrorType;

/** The application module's error codes (办件), sent as {@code extensions.code}; never renamed once published. */
public enum ApplicationError implements ErrorCode {

	APPLICATION_NOT_FOUND(ErrorType.NOT_FOUND, "未找到办件：%s",
			"No application %s"),
	FIELD_LOCKED(ErrorType.BAD_REQUEST, "“%s”取自权威数据，不能修改",
			"%s comes from an authoritative source and cannot be changed"),
	INVALID_FORM(ErrorType.BAD_REQUEST, "表单字段有误：%s",
			"Form field not valid: %s"),
	ILLEGAL_TRANSITION(ErrorType.BAD_REQUEST, "当前状态下不能执行此操作：%s",
			"Not allowed in the current state: %s"),
	NOT_YOUR_DEPARTMENT(ErrorType.FORBIDDEN, "该环节不属于本部门",
			"This task belongs to another department"),
	ALREADY_REVIEWED(ErrorType.BAD_REQUEST, "该办件已评价",
			"This application was already reviewed"),
	IDEMPOTENCY_KEY_REUSED(ErrorType.BAD_REQUEST, "同一幂等键已用于不同的申请内容",
			"The idempotency key was used for a different submission"),
	NOT_APPROVED_BY_RULES(ErrorType.BAD_REQUEST, "该环节不是由规则自动批准的（或已撤销）",
			"This task was not approved by the rules, or that approval was already revoked"),
	REVIEW_PERIOD_OVER(ErrorType.BAD_REQUEST, "自动审批的复核期已过（%s）",
			"The review period of this automatic approval ended at %s"),
	OFFER_NOT_FOUND(ErrorType.NOT_FOUND, "未找到该惠民政策推送：%s",
			"No benefit offer %s"),
	OFFER_WITHDRAWN(ErrorType.BAD_REQUEST, "该推送已撤回或您已不再符合条件",
			"This offer was withdrawn, or you no longer meet its conditions"),
	PROGRESS_CODE_INVALID(ErrorType.BAD_REQUEST, "验证码错误或已失效，请重新获取",
			"The code is wrong or expired; request a new one");

	private final Text text;

	ApplicationError(ErrorType classification, String zh, String en) {
		this.text = new Text(classification, zh, en);
	}

	@Override
	public Text text() {
		return this.text;
	}

}
