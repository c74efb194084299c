package cn.tongban.webhook;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One attempt to deliver an event to an endpoint, kept 7 days: what the receiver answered (HTTP
 * status, or the error when none came) and how long it took.
 */
@Document("webhook_deliveries")
@CompoundIndex(name = "endpoint_at", def = "{'endpointId': 1, 'at': -1}")
record WebhookDelivery(@Id String id, String endpointId, String clientId, String eventId, WebhookKind kind,
		int attempt, boolean replay, @Indexed(name = "at_ttl", expireAfter = "7d") Instant at, Integer statusCode,
		String error, long durationMillis, boolean succeeded) {
}
