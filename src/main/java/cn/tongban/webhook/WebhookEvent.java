package cn.tongban.webhook;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event in an integrator's outbox, kept 7 days. {@code id} (the {@code webhook-id}) is derived
 * from what happened, so emitting it again stores nothing; {@code sequence} orders the integrator's
 * events and is what an endpoint's cursor counts.
 */
@Document("webhook_events")
@CompoundIndex(name = "client_sequence", def = "{'clientId': 1, 'sequence': 1}")
record WebhookEvent(@Id String id, String clientId, long sequence, WebhookKind kind, Map<String, String> data,
		@Indexed(name = "created_ttl", expireAfter = "7d") Instant createdAt) {
}
