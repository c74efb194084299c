package cn.tongban.platform.graphql;

import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;

import org.springframework.graphql.execution.ErrorType;

/**
 * Stable error codes, sent as {@code extensions.code}. Clients branch on the code, never on the
 * message; the message is Chinese by default and English when the request asks for it
 * ({@code Accept-Language: en}). Codes are never renamed once published.
 */
public enum ErrorCode {

	VALIDATION_FAILED(ErrorType.BAD_REQUEST, "输入不符合要求", "The input is not valid"),
	INVALID_PAGE_SIZE(ErrorType.BAD_REQUEST, "每页数量必须在 1 到 %s 之间", "Page size must be between 1 and %s"),
	INVALID_CURSOR(ErrorType.BAD_REQUEST, "分页游标无效", "The pagination cursor is not valid"),
	INVALID_ARGUMENT(ErrorType.BAD_REQUEST, "参数无效：%s", "Invalid argument: %s"),
	INVALID_CHARACTERS(ErrorType.BAD_REQUEST, "输入含有不允许的控制字符", "The input contains control characters, which are not allowed"),
	INVALID_REQUEST(ErrorType.BAD_REQUEST, "请求体不是有效的 GraphQL 请求：%s", "The body is not a valid GraphQL request: %s"),
	REQUEST_TOO_LARGE(ErrorType.BAD_REQUEST, "请求体过大（上限 %s 字节）", "The request body is too large (limit %s bytes)"),
	UNSUPPORTED_MEDIA_TYPE(ErrorType.BAD_REQUEST, "请求体须为 application/json", "The request body must be application/json"),
	PERSISTED_QUERY_NOT_FOUND(ErrorType.NOT_FOUND, "未登记该哈希对应的查询，请连同查询全文重发", "No query is registered under this hash; send it with the query text"),
	PERSISTED_QUERY_HASH_MISMATCH(ErrorType.BAD_REQUEST, "persistedQuery 的哈希不是该查询全文的 SHA-256", "The persisted query hash is not the SHA-256 of the query text"),
	GRAPHQL_PARSE_FAILED(ErrorType.BAD_REQUEST, "查询语句无法解析", "The GraphQL document could not be parsed"),
	GRAPHQL_VALIDATION_FAILED(ErrorType.BAD_REQUEST, "查询语句不符合接口定义", "The GraphQL document does not match the schema"),
	ITEM_NOT_FOUND(ErrorType.NOT_FOUND, "未找到政务服务事项：%s", "No service item with code %s"),
	ITEM_CODE_TAKEN(ErrorType.BAD_REQUEST, "事项编码已存在：%s", "A service item with code %s already exists"),
	ITEM_RETIRED(ErrorType.BAD_REQUEST, "事项已停用，不能修改：%s", "Service item %s is retired and cannot be changed"),
	UNKNOWN_REFERENCE(ErrorType.BAD_REQUEST, "引用的%s不存在：%s", "Unknown %s: %s"),
	VERSION_CONFLICT(ErrorType.BAD_REQUEST, "数据已被他人修改，请刷新后重试", "The record was changed by someone else; reload and retry"),
	UNAUTHORIZED(ErrorType.UNAUTHORIZED, "请先登录", "Sign in first"),
	INVALID_TOKEN(ErrorType.UNAUTHORIZED, "登录凭证无效或已过期，请重新登录", "The access token is invalid or expired; sign in again"),
	FORBIDDEN(ErrorType.FORBIDDEN, "无权执行此操作", "You are not allowed to do this"),
	COST_LIMITED(ErrorType.BAD_REQUEST, "查询代价预算已用完，请 %s 秒后再试", "The query cost budget is used up; retry in %s seconds"),
	RATE_LIMITED(ErrorType.BAD_REQUEST, "请求过于频繁，请 %s 秒后再试", "Too many requests; retry in %s seconds"),
	LOGIN_CODE_RATE_LIMITED(ErrorType.BAD_REQUEST, "验证码发送过于频繁，请 %s 秒后再试", "Too many codes requested; retry in %s seconds"),
	LOGIN_LOCKED(ErrorType.FORBIDDEN, "验证失败次数过多，请 %s 分钟后再试", "Too many failed attempts; retry in %s minutes"),
	SMS_UNAVAILABLE(ErrorType.INTERNAL_ERROR, "短信发送失败，请稍后重试", "The text message could not be sent; please retry later"),
	SIGN_IN_ELSEWHERE(ErrorType.BAD_REQUEST, "请通过统一身份认证平台登录：%s", "Sign in through the identity platform: %s"),
	CERTIFICATE_NOT_FOUND(ErrorType.NOT_FOUND, "未找到证照：%s", "No certificate %s"),
	CONSENT_REQUIRED(ErrorType.FORBIDDEN, "持证人未授权此用途的查验", "The holder has not consented to this check for this purpose"),
	CONSENT_NOT_FOUND(ErrorType.NOT_FOUND, "未找到授权：%s", "No consent %s"),
	PURPOSE_NOT_FOUND(ErrorType.NOT_FOUND, "未找到用途：%s", "No purpose %s"),
	PURPOSE_CODE_TAKEN(ErrorType.BAD_REQUEST, "用途编码已存在：%s", "A purpose with code %s already exists"),
	NOT_A_HOLDER(ErrorType.FORBIDDEN, "仅限个人或企业持证人本人操作", "Only a person or enterprise holder can do this"),
	CODE_MALFORMED(ErrorType.BAD_REQUEST, "不是有效的居民码", "Not a resident code"),
	UNKNOWN_ISSUER(ErrorType.BAD_REQUEST, "码的签发方不受信任", "The code's issuer is not trusted"),
	BAD_SIGNATURE(ErrorType.BAD_REQUEST, "码的签名无效，可能被篡改", "The code's signature is not valid; it may have been altered"),
	CODE_EXPIRED(ErrorType.BAD_REQUEST, "码已过期，请刷新后重试", "The code has expired; refresh it"),
	CODE_REVOKED(ErrorType.BAD_REQUEST, "码已失效（已作废或已被新码取代）", "The code was revoked or replaced by a newer one"),
	CODE_REPLAYED(ErrorType.BAD_REQUEST, "该码已在此场景使用过", "The code was already used here"),
	SCENARIO_NOT_ALLOWED(ErrorType.FORBIDDEN, "此场景不受理该码", "This scenario does not accept this code"),
	BUNDLE_NOT_FOUND(ErrorType.NOT_FOUND, "未找到一件事：%s", "No bundle %s"),
	APPLICATION_NOT_FOUND(ErrorType.NOT_FOUND, "未找到办件：%s", "No application %s"),
	FIELD_LOCKED(ErrorType.BAD_REQUEST, "“%s”取自权威数据，不能修改", "%s comes from an authoritative source and cannot be changed"),
	INVALID_FORM(ErrorType.BAD_REQUEST, "表单字段有误：%s", "Form field not valid: %s"),
	ILLEGAL_TRANSITION(ErrorType.BAD_REQUEST, "当前状态下不能执行此操作：%s", "Not allowed in the current state: %s"),
	NOT_YOUR_DEPARTMENT(ErrorType.FORBIDDEN, "该环节不属于本部门", "This task belongs to another department"),
	ALREADY_REVIEWED(ErrorType.BAD_REQUEST, "该办件已评价", "This application was already reviewed"),
	IDEMPOTENCY_KEY_REUSED(ErrorType.BAD_REQUEST, "同一幂等键已用于不同的申请内容", "The idempotency key was used for a different submission"),
	SUBSCRIPTION_TRANSPORT(ErrorType.BAD_REQUEST, "订阅请通过 WebSocket（graphql-ws）或 SSE（Accept: text/event-stream）进行", "Subscriptions are served over WebSocket (graphql-ws) or SSE (Accept: text/event-stream)"),
	INTERNAL_ERROR(ErrorType.INTERNAL_ERROR, "服务内部错误，请稍后重试", "Internal error; please retry later"),
	SERVICE_UNAVAILABLE(ErrorType.INTERNAL_ERROR, "服务暂时不可用，请稍后重试", "The service is temporarily unavailable; please retry later"),
	STORAGE_UNAVAILABLE(ErrorType.INTERNAL_ERROR, "数据未能保存，本次操作未生效，请稍后重试", "The change could not be stored and did not take effect; please retry later");

	private final ErrorType classification;

	private final String zh;

	private final String en;

	ErrorCode(ErrorType classification, String zh, String en) {
		this.classification = classification;
		this.zh = zh;
		this.en = en;
	}

	public ErrorType classification() {
		return this.classification;
	}

	/** The message with its arguments; text arguments are bounded ({@link InputEcho}). */
	public String message(boolean english, Object... args) {
		return String.format(english ? this.en : this.zh, InputEcho.bounded(args));
	}

	/** This code as a GraphQL error outside a data fetcher (no path): message, classification, code. */
	public GraphQLError toError(boolean english, Object... args) {
		return GraphqlErrorBuilder.newError()
			.errorType(this.classification)
			.message(message(english, args))
			.extensions(Map.of("code", name()))
			.build();
	}

}
