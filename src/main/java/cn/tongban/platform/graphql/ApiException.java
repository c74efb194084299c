package cn.tongban.platform.graphql;

import java.util.Arrays;

/**
 * A client-facing failure with a stable {@link ErrorCode}; {@code field} names the input
 * path that is wrong, when there is one.
 */
public class ApiException extends RuntimeException {

	private final ErrorCode code;

	private final String field;

	private final transient Object[] args;

	public ApiException(ErrorCode code, Object... args) {
		this(code, null, args);
	}

	private ApiException(ErrorCode code, String field, Object[] args) {
		super(code.name() + " " + Arrays.toString(args));
		this.code = code;
		this.field = field;
		this.args = args;
	}

	public static ApiException onField(String field, ErrorCode code, Object... args) {
		return new ApiException(code, field, args);
	}

	public ErrorCode code() {
		return this.code;
	}

	public String field() {
		return this.field;
	}

	public String message(boolean english) {
		return this.code.message(english, this.args);
	}

}
