package cn.tongban.message;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Which kinds of message also come as a text message (短信); by default progress and reminders. */
@Document("message_preferences")
record MessagePreferences(@Id String holderId, Set<MessageKind> smsKinds, Instant updatedAt) {

	static final Set<MessageKind> DEFAULT_SMS = EnumSet.of(MessageKind.APPLICATION, MessageKind.APPOINTMENT, MessageKind.DELEGATION);

	static MessagePreferences defaults(String holderId) {
		return new MessagePreferences(holderId, DEFAULT_SMS, null);
	}

}
