package cn.tongban.certificate;

import cn.tongban.platform.graphql.ErrorCode;

import org.springframework.graphql.execution.ErrorType;

/** The certificate module's error codes (电子证照), sent as {@code extensions.code}; never renamed once published. */
public enum CertificateError implements ErrorCode {

	CERTIFICATE_NOT_FOUND(ErrorType.NOT_FOUND, "未找到证照：%s",
			"No certificate %s"),
	CONSENT_REQUIRED(ErrorType.FORBIDDEN, "持证人未授权此用途的查验",
			"The holder has not consented to this check for this purpose"),
	CONSENT_NOT_FOUND(ErrorType.NOT_FOUND, "未找到授权：%s",
			"No consent %s"),
	PURPOSE_NOT_FOUND(ErrorType.NOT_FOUND, "未找到用途：%s",
			"No purpose %s"),
	PURPOSE_CODE_TAKEN(ErrorType.BAD_REQUEST, "用途编码已存在：%s",
			"A purpose with code %s already exists"),
	NOT_A_HOLDER(ErrorType.FORBIDDEN, "仅限个人或企业持证人本人操作",
			"Only a person or enterprise holder can do this");

	private final Text text;

	CertificateError(ErrorType classification, String zh, String en) {
		this.text = new Text(classification, zh, en);
	}

	@Override
	public Text text() {
		return this.text;
	}

}
