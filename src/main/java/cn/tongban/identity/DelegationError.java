package cn.tongban.identity;

import cn.tongban.platform.graphql.ErrorCode;

import org.springframework.graphql.execution.ErrorType;

/** 亲情代办 error codes, sent as {@code extensions.code}; never renamed once published. */
public enum DelegationError implements ErrorCode {

	DELEGATION_PERSON_NOT_FOUND(ErrorType.NOT_FOUND, "未找到该身份证号与姓名对应的登记人员",
			"No registered person has this ID number and name"),
	DELEGATION_FOR_SELF(ErrorType.BAD_REQUEST, "不能为自己申请代办", "A person cannot act for themself"),
	DELEGATION_FOR_MINOR(ErrorType.BAD_REQUEST, "未成年人由其监护人代办，无需授权",
			"A minor is acted for by their guardians; no authorisation is needed"),
	DELEGATION_EXISTS(ErrorType.BAD_REQUEST, "已有有效的代办授权（至 %s），请先撤销",
			"A delegation already stands (until %s); revoke it first"),
	DELEGATION_LIMIT(ErrorType.BAD_REQUEST, "有效的代办授权已达上限（%s 个）",
			"The limit of standing delegations (%s) is reached"),
	DELEGATION_NOT_FOUND(ErrorType.NOT_FOUND, "代办授权不存在", "No such delegation"),
	DELEGATION_NOT_PENDING(ErrorType.BAD_REQUEST, "该代办授权不在待确认状态",
			"The delegation is not waiting for confirmation"),
	DELEGATION_CODE_INVALID(ErrorType.BAD_REQUEST, "验证码错误或已失效，请重新申请",
			"The code is wrong or has expired; ask again"),
	DELEGATION_NOT_REVOCABLE(ErrorType.BAD_REQUEST, "监护关系依户籍登记确定，不能在此撤销",
			"Guardianship follows the household register and cannot be revoked here");

	private final Text text;

	DelegationError(ErrorType classification, String zh, String en) {
		this.text = new Text(classification, zh, en);
	}

	@Override
	public Text text() {
		return this.text;
	}

}
