package cn.tongban.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Where an integrator wants events. {@code cursor} is the sequence of the last event delivered (or
 * skipped as not subscribed): delivery resumes after it, so a receiver that was down catches up.
 * {@code secrets} sign each request; during a rotation both sign until the older one's expiry.
 *
 * @param failingSince when the first of the current run of failed attempts happened
 * @param nextAttemptAt when a failed event is tried again (backoff with jitter)
 */
@Document("webhook_endpoints")
record WebhookEndpoint(@Id String id, @Indexed(name = "client") String clientId, String url, Set<WebhookKind> kinds,
		List<Secret> secrets, Status status, long cursor, int failedAttempts, Instant failingSince,
		Instant nextAttemptAt, String lastError, Instant createdAt, Instant pausedAt) {

	enum Status {

		/** Delivering. */
		ACTIVE,
		/** Failing for a day: paused until the integrator resumes it. */
		PAUSED,
		/** The receiver answered 410 Gone: never tried again. */
		DISABLED

	}

	/** A signing secret ({@code whsec_…}) and, once replaced, until when it still signs. */
	record Secret(String value, Instant createdAt, Instant expiresAt) {

		boolean signsAt(Instant now) {
			return this.expiresAt == null || now.isBefore(this.expiresAt);
		}

	}

}
