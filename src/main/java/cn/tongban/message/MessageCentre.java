package cn.tongban.message;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.tongban.identity.IdentityService;
import cn.tongban.identity.PersonDetails;
import cn.tongban.identity.SmsMessage;
import cn.tongban.identity.SmsSender;
import cn.tongban.platform.ChinaTime;
import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.PlatformError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * 消息中心: other modules post messages here; a message is stored once (its id names what it is
 * about), announced to the holder's live subscriptions and, the first time, also sent as a text
 * message when the holder wants that kind by SMS, has had no text about the same thing (its link)
 * this hour and not {@link #SMS_PER_DAY} today. A failed text message leaves the inbox message as it is.
 */
@Service
public class MessageCentre {

	static final int SMS_PER_DAY = 5;

	static final int TITLE_MAX = 40;

	static final int BODY_MAX = 500;

	private static final Logger log = LoggerFactory.getLogger(MessageCentre.class);

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ChinaTime.ZONE);

	private final MongoTemplate mongo;

	private final IdentityService identity;

	private final SmsSender sms;

	private final Clock clock;

	private final MessageFeed feed;

	MessageCentre(MongoTemplate mongo, IdentityService identity, SmsSender sms, Clock clock, MessageFeed feed) {
		this.feed = feed;
		this.mongo = mongo;
		this.identity = identity;
		this.sms = sms;
		this.clock = clock;
	}

	/** A page of the holder's messages, newest first, after a keyset cursor: entries arriving meanwhile neither skip nor repeat any. */
	public record Page(List<Message> messages, boolean hasNextPage, long unread) {
	}

	/**
	 * Posts news about a change already stored (an application's status, an offer): a failure to post
	 * is logged, never thrown, because the change stands whether or not its message does.
	 */
	public void postAfterChange(String id, String holderId, MessageKind kind, String title, String body, String link) {
		try {
			post(id, holderId, kind, title, body, link);
		}
		catch (RuntimeException ex) {
			log.warn("Inbox message {} not posted", id, ex);
		}
	}

	/** Stores the message unless one with its id exists; true when it was new. */
	public boolean post(String id, String holderId, MessageKind kind, String title, String body, String link) {
		// milliseconds: what the database keeps, so the keyset cursor compares like with like
		Message message = new Message(id, holderId, kind, clip(title, TITLE_MAX), clip(body, BODY_MAX), link,
				this.clock.instant().truncatedTo(ChronoUnit.MILLIS), null);
		try {
			this.mongo.insert(message);
		}
		catch (DuplicateKeyException already) {
			return false;
		}
		try {
			this.feed.posted(message);
		}
		catch (RuntimeException ex) {
			log.warn("Message {} stored but not announced to live subscribers", message.id(), ex);
		}
		try {
			textIfWanted(message);
		}
		catch (RuntimeException ex) {
			// stored is posted: a failure deciding on the text message must not make the caller post again
			log.warn("Message {} stored; its text message was not considered ({})", message.id(), ex.getClass().getSimpleName());
		}
		return true;
	}

	Page page(String holderId, int size, String after, boolean unreadOnly) {
		Criteria mine = Criteria.where("holderId").is(holderId);
		if (unreadOnly) {
			mine = mine.and("readAt").is(null);
		}
		Query query = Query.query(mine);
		Cursor cursor = Cursor.parse(after);
		if (cursor != null) {
			query.addCriteria(new Criteria().orOperator(Criteria.where("createdAt").lt(cursor.createdAt()),
					Criteria.where("createdAt").is(cursor.createdAt()).and("_id").lt(cursor.id())));
		}
		query.with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id"))).limit(size + 1);
		List<Message> found = this.mongo.find(query, Message.class);
		boolean more = found.size() > size;
		long unread = this.mongo.count(Query.query(Criteria.where("holderId").is(holderId).and("readAt").is(null)), Message.class);
		return new Page(more ? found.subList(0, size) : found, more, unread);
	}

	/** Marks the holder's messages read: the given ones, or all when {@code ids} is null; returns how many changed. */
	long markRead(String holderId, List<String> ids) {
		Criteria mine = Criteria.where("holderId").is(holderId).and("readAt").is(null);
		if (ids != null) {
			mine = mine.and("_id").in(ids);
		}
		return this.mongo.updateMulti(Query.query(mine), Update.update("readAt", this.clock.instant()), Message.class)
			.getModifiedCount();
	}

	MessagePreferences preferences(String holderId) {
		MessagePreferences stored = this.mongo.findById(holderId, MessagePreferences.class);
		return (stored != null) ? stored : MessagePreferences.defaults(holderId);
	}

	MessagePreferences updatePreferences(String holderId, Set<MessageKind> smsKinds) {
		MessagePreferences updated = new MessagePreferences(holderId,
				smsKinds.isEmpty() ? EnumSet.noneOf(MessageKind.class) : EnumSet.copyOf(smsKinds), this.clock.instant());
		this.mongo.save(updated);
		return updated;
	}

	private void textIfWanted(Message message) {
		if (!preferences(message.holderId()).smsKinds().contains(message.kind())) {
			return;
		}
		PersonDetails person = this.identity.person(message.holderId()).orElse(null);
		if (person == null || person.mobile() == null || !takeTopicAllowance(message)
				|| !takeSmsAllowance(message.holderId())) {
			return;
		}
		try {
			this.sms.send(new SmsMessage(person.mobile(), "MESSAGE_" + message.kind(),
					Map.of("title", message.title()), "【通办】" + message.title() + "。详情请在通办 App 消息中心查看。"));
		}
		catch (RuntimeException ex) {
			log.warn("Text message for {} not sent ({}); it stays in the inbox", message.id(), ex.getClass().getSimpleName());
		}
	}

	/** The hour's one text message about what the message links to (an application …); messages without a link pass. */
	private boolean takeTopicAllowance(Message message) {
		if (message.link() == null) {
			return true;
		}
		Instant now = this.clock.instant();
		String hour = HOUR.format(now);
		try {
			this.mongo.insert(new SmsTopicHour(message.holderId() + "|" + message.link() + "|" + hour, now));
			return true;
		}
		catch (DuplicateKeyException alreadyThisHour) {
			return false;
		}
	}

	/** One of today's text messages for the holder, if any is left (a conditional increment, so parallel posts cannot exceed it). */
	private boolean takeSmsAllowance(String holderId) {
		String id = SmsDay.idOf(holderId, LocalDate.ofInstant(this.clock.instant(), ChinaTime.ZONE));
		try {
			this.mongo.upsert(Query.query(Criteria.where("_id").is(id)), new Update().setOnInsert("sent", 0), SmsDay.class);
		}
		catch (DuplicateKeyException createdMeanwhile) {
			// two posts at once both inserted the day: the other one's document is there
		}
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("sent").lt(SMS_PER_DAY)),
				new Update().inc("sent", 1), SmsDay.class).getModifiedCount() == 1;
	}

	private static String clip(String text, int max) {
		if (text == null) {
			throw new ApiException(PlatformError.INTERNAL_ERROR);
		}
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	/** A keyset position: the last message's time and id. */
	record Cursor(Instant createdAt, String id) {

		String encode() {
			return Base64.getUrlEncoder().withoutPadding()
				.encodeToString(("m1:" + this.createdAt.toEpochMilli() + ":" + this.id)
					.getBytes(StandardCharsets.UTF_8));
		}

		static Cursor of(Message message) {
			return new Cursor(message.createdAt(), message.id());
		}

		static Cursor parse(String text) {
			if (text == null) {
				return null;
			}
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(":", 3);
				if (parts.length != 3 || !parts[0].equals("m1")) {
					throw new IllegalArgumentException();
				}
				return new Cursor(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
			}
			catch (IllegalArgumentException ex) {
				throw ApiException.onField("after", PlatformError.INVALID_ARGUMENT, "not a cursor of this list");
			}
		}

	}

	static List<String> cursors(List<Message> messages) {
		List<String> cursors = new ArrayList<>(messages.size());
		messages.forEach((m) -> cursors.add(Cursor.of(m).encode()));
		return cursors;
	}

}
