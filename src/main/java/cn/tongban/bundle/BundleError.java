package cn.tongban.bundle;

import cn.tongban.platform.graphql.ErrorCode;

import org.springframework.graphql.execution.ErrorType;

/** The bundle module's error codes (一件事), sent as {@code extensions.code}; never renamed once published. */
public enum BundleError implements ErrorCode {

	BUNDLE_NOT_FOUND(ErrorType.NOT_FOUND, "未找到一件事：%s",
			"No bundle %s");

	private final Text text;

	BundleError(ErrorType classification, String zh, String en) {
		this.text = new Text(classification, zh, en);
	}

	@Override
	public Text text() {
		return this.text;
	}

}
