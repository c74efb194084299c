package cn.tongban.message;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One inbox message. The poster gives the id, derived from what the message is about (an
 * application's version, a booking's reminder), so posting again after a crash or on a second
 * instance stores it once.
 */
@Document("messages")
@CompoundIndex(name = "holder_newest", def = "{'holderId': 1, 'createdAt': -1, '_id': -1}")
public record Message(@Id String id, String holderId, MessageKind kind, String title, String body, String link,
		Instant createdAt, Instant readAt) {
}
