package cn.tongban.platform.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One audit record. {@code actor} is the token subject (or the mobile/account name tried, masked
 * where personal), {@code target} what was acted on, {@code detail} a short free text.
 */
@Document("audit_events")
@CompoundIndex(name = "actor_at", def = "{'actor': 1, 'at': -1}")
@CompoundIndex(name = "type_at", def = "{'type': 1, 'at': -1}")
public record AuditEvent(@Id String id, @Indexed(name = "at_ttl", expireAfter = "180d") Instant at, AuditType type,
		String actor, String clientId, String address, String target, String detail) {

}
