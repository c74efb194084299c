package cn.tongban.webhook;

/** What an event tells an integrator; each names the thing by id only (details through GraphQL). */
public enum WebhookKind {

	/** A holder granted a consent for one of the integrator's purposes. */
	CONSENT_GRANTED("consent.granted"),
	/** A holder revoked such a consent. */
	CONSENT_REVOKED("consent.revoked"),
	/** A certificate the integrator verified was revoked (注销). */
	CERTIFICATE_REVOKED("certificate.revoked"),
	/**
	 * One of the enterprise's applications changed status, or had its certificates issued; only to
	 * the enterprise's own systems (an integrator registered with the enterprise).
	 */
	APPLICATION_STATUS_CHANGED("application.status_changed"),
	/** The integrator's newest client secret ends within 14 days: rotate it. */
	CLIENT_SECRET_EXPIRING("client.secret_expiring");

	private final String type;

	WebhookKind(String type) {
		this.type = type;
	}

	/** The {@code type} field of the payload, as Standard Webhooks names events. */
	public String type() {
		return this.type;
	}

}
