package cn.tongban.message;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A text message sent about one thing (an application, a delegation) in one hour: at most one such
 * text per hour, claimed by inserting this document ({@code _id} holder|topic|hour), so two posts
 * at once cannot both text.
 */
@Document("message_sms_topics")
record SmsTopicHour(@Id String id, @Indexed(name = "at_ttl", expireAfter = "2h") Instant at) {
}
