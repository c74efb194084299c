package cn.tongban.platform.audit;

/** What happened. Names are stable: dashboards and alerts filter on them. */
public enum AuditType {

	LOGIN_CODE_SENT, LOGIN_SUCCEEDED, LOGIN_FAILED, LOGIN_LOCKED, CLIENT_TOKEN_ISSUED, CLIENT_AUTHENTICATION_FAILED,
	ACCESS_DENIED, RATE_LIMITED, ADMIN_CHANGE,
	/** 亲情代办: asked for, confirmed, ended; a token exchanged under one or refused; an act done under one. */
	DELEGATION_REQUESTED, DELEGATION_GRANTED, DELEGATION_REVOKED, TOKEN_EXCHANGED, TOKEN_EXCHANGE_REFUSED, DELEGATED_ACT,
	/** A webhook endpoint was paused after a day of failures, or disabled by a 410. */
	WEBHOOK_ENDPOINT_STOPPED,
	/** A client's secret was rotated (the previous ones work for the overlap). */
	CLIENT_SECRET_ROTATED

}
