package cn.tongban.platform.graphql;

import org.springframework.graphql.execution.ErrorType;

/**
 * The platform's own error codes (平台): requests, limits, sign-in, storage. Each module owns
 * its codes in an enum of its own; all are published in the schema's {@code ErrorCode} enum.
 */
public enum PlatformError implements ErrorCode {

	VALIDATION_FAILED(ErrorType.BAD_REQUEST, "输入不符合要求",
			"The input is not valid"),
	INVALID_PAGE_SIZE(ErrorType.BAD_REQUEST, "每页数量必须在 1 到 %s 之间",
			"Page size must be between 1 and %s"),
	INVALID_CURSOR(ErrorType.BAD_REQUEST, "分页游标无效",
			"The pagination cursor is not valid"),
	INVALID_ARGUMENT(ErrorType.BAD_REQUEST, "参数无效：%s",
			"Invalid argument: %s"),
	INVALID_CHARACTERS(ErrorType.BAD_REQUEST, "输入含有不允许的控制字符",
			"The input contains control characters, which are not allowed"),
	INVALID_REQUEST(ErrorType.BAD_REQUEST, "请求体不是有效的 GraphQL 请求：%s",
			"The body is not a valid GraphQL request: %s"),
	REQUEST_TOO_LARGE(ErrorType.BAD_REQUEST, "请求体过大（上限 %s 字节）",
			"The request body is too large (limit %s bytes)"),
	UNSUPPORTED_MEDIA_TYPE(ErrorType.BAD_REQUEST, "请求体须为 application/json",
			"The request body must be application/json"),
	PERSISTED_QUERY_NOT_FOUND(ErrorType.NOT_FOUND, "未登记该哈希对应的查询，请连同查询全文重发",
			"No query is registered under this hash; send it with the query text"),
	PERSISTED_QUERY_HASH_MISMATCH(ErrorType.BAD_REQUEST, "persistedQuery 的哈希不是该查询全文的 SHA-256",
			"The persisted query hash is not the SHA-256 of the query text"),
	PERSISTED_QUERY_NOT_ALLOWED(ErrorType.BAD_REQUEST, "此处只执行登记在可信文档清单中的操作",
			"Only operations of the trusted-documents manifest run here"),
	QUERY_TOO_DEEP(ErrorType.BAD_REQUEST, "查询嵌套过深（%s 层，上限 %s）",
			"query depth %s exceeds %s"),
	QUERY_TOO_COSTLY(ErrorType.BAD_REQUEST, "查询代价过高（%s，上限 %s）",
			"query cost %s exceeds %s"),
	TOO_MANY_ALIASES(ErrorType.BAD_REQUEST, "别名过多（%s，上限 %s）",
			"%s aliases exceed %s"),
	TOO_MANY_ROOT_FIELDS(ErrorType.BAD_REQUEST, "顶层字段过多（%s，上限 %s）",
			"%s root fields exceed %s"),
	MUTATION_OVER_GET(ErrorType.BAD_REQUEST, "只有查询可以使用 GET；变更与订阅请使用 POST",
			"Only queries may use GET; send mutations with POST"),
	NOT_FOUND(ErrorType.NOT_FOUND, "请求的地址不存在",
			"No such path"),
	NODE_NOT_FOUND(ErrorType.NOT_FOUND, "没有此 id 的对象：%s",
			"No object has the id %s"),
	GRAPHQL_PARSE_FAILED(ErrorType.BAD_REQUEST, "查询语句无法解析",
			"The GraphQL document could not be parsed"),
	GRAPHQL_VALIDATION_FAILED(ErrorType.BAD_REQUEST, "查询语句不符合接口定义",
			"The GraphQL document does not match the schema"),
	UNKNOWN_REFERENCE(ErrorType.BAD_REQUEST, "引用的%s不存在：%s",
			"Unknown %s: %s"),
	VERSION_CONFLICT(ErrorType.BAD_REQUEST, "数据已被他人修改，请刷新后重试",
			"The record was changed by someone else; reload and retry"),
	UNAUTHORIZED(ErrorType.UNAUTHORIZED, "请先登录",
			"Sign in first"),
	INVALID_TOKEN(ErrorType.UNAUTHORIZED, "登录凭证无效或已过期，请重新登录",
			"The access token is invalid or expired; sign in again"),
	FORBIDDEN(ErrorType.FORBIDDEN, "无权执行此操作",
			"You are not allowed to do this"),
	COST_LIMITED(ErrorType.BAD_REQUEST, "查询代价预算已用完，请 %s 秒后再试",
			"The query cost budget is used up; retry in %s seconds"),
	RATE_LIMITED(ErrorType.BAD_REQUEST, "请求过于频繁，请 %s 秒后再试",
			"Too many requests; retry in %s seconds"),
	SUBSCRIPTION_TRANSPORT(ErrorType.BAD_REQUEST, "订阅请通过 WebSocket（graphql-ws）或 SSE（Accept: text/event-stream）进行",
			"Subscriptions are served over WebSocket (graphql-ws) or SSE (Accept: text/event-stream)"),
	INTERNAL_ERROR(ErrorType.INTERNAL_ERROR, "服务内部错误，请稍后重试",
			"Internal error; please retry later"),
	SERVICE_UNAVAILABLE(ErrorType.INTERNAL_ERROR, "服务暂时不可用，请稍后重试",
			"The service is temporarily unavailable; please retry later"),
	STORAGE_UNAVAILABLE(ErrorType.INTERNAL_ERROR, "数据未能保存，本次操作未生效，请稍后重试",
			"The change could not be stored and did not take effect; please retry later");

	private final Text text;

	PlatformError(ErrorType classification, String zh, String en) {
		this.text = new Text(classification, zh, en);
	}

	@Override
	public Text text() {
		return this.text;
	}

}
