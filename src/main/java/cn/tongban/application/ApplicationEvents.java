package cn.tongban.application;

import java.time.Instant;
import java.util.Map;

import cn.tongban.identity.IdentityService;
import cn.tongban.message.MessageCentre;
import cn.tongban.message.MessageKind;
import cn.tongban.platform.events.EventFeed;
import cn.tongban.platform.events.FeedEvent;
import cn.tongban.platform.events.LiveSink;
import cn.tongban.webhook.WebhookKind;
import cn.tongban.webhook.Webhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/**
 * Status changes of applications as a stream, for the {@code applicationUpdates} subscription.
 * Published through the instances' {@link EventFeed}: a subscriber connected to any instance sees
 * changes made on every instance (this one's at once, the others' within a poll interval).
 */
@Component
class ApplicationEvents {

	static final String CHANGED = "application.changed";

	private static final Logger log = LoggerFactory.getLogger(ApplicationEvents.class);

	private final LiveSink<Change> sink = new LiveSink<>();

	private final EventFeed feed;

	private final MessageCentre messages;

	private final MongoTemplate mongo;

	private final IdentityService identity;

	private final Webhooks webhooks;

	ApplicationEvents(EventFeed feed, MessageCentre messages, MongoTemplate mongo, IdentityService identity,
			Webhooks webhooks) {
		this.feed = feed;
		this.messages = messages;
		this.mongo = mongo;
		this.identity = identity;
		this.webhooks = webhooks;
		feed.listen(CHANGED, this::emit);
	}

	/** Tells every instance's subscribers and the applicant's inbox. */
	void publish(Application application, Application.EventType eventType) {
		deliver(application, eventType);
		this.feed.publish(CHANGED, application.id(), Map.of("applicantId", application.applicantId(), "status",
				application.status().name(), "eventType", eventType.name(), "version", application.version()));
	}

	/** What the applicant is told of a change, or null when it is nothing they wait for. */
	static String news(Application.Status status, Application.EventType eventType) {
		return switch (status) {
			case SUBMITTED -> null;
			case IN_PROGRESS -> (eventType == Application.EventType.SUPPLEMENTED) ? null : "已受理，正在办理";
			case SUPPLEMENT_REQUIRED -> "需要补正材料";
			case COMPLETED -> (eventType == Application.EventType.CERTIFICATE_ISSUED) ? "证照已发放到卡包" : "已办结";
			case REJECTED -> "未予通过，原因请查看办件详情";
		};
	}

	/**
	 * Posts the inbox message for the application's state (accepted, more needed, done, refused,
	 * certificates issued) and, for an enterprise's application, the webhook event to each of the
	 * enterprise's own systems, then clears {@code inboxPending}. Message and event ids name the
	 * version (and the issue of certificates, which keeps the version), so delivering again after a
	 * crash stores nothing new; a failed post or event leaves the flag for {@link CertificateFollowUp}.
	 */
	void deliver(Application application, Application.EventType eventType) {
		String change = application.id() + ":" + application.version()
				+ ((eventType == Application.EventType.CERTIFICATE_ISSUED) ? ":certificates" : "");
		if (!toEnterpriseSystems(application, change)) {
			return;
		}
		String news = news(application.status(), eventType);
		if (news != null) {
			String id = "application:" + change;
			try {
				this.messages.post(id, application.applicantId(), MessageKind.APPLICATION,
						"您的「" + application.title() + "」" + news, "办件「" + application.title() + "」" + news + "。",
						"application:" + application.id());
			}
			catch (RuntimeException ex) {
				log.warn("Inbox message {} not posted; the follow-up will retry", id, ex);
				return;
			}
		}
		if (application.inboxPending()) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(application.id())
				.and("version").is(application.version())
				.and("inboxPending").is(true)), Update.update("inboxPending", false), Application.class);
		}
	}

	/**
	 * Thin events (ids and status; details through GraphQL) for an application an enterprise's agent
	 * made; false when one could not be stored.
	 */
	private boolean toEnterpriseSystems(Application application, String change) {
		if (!application.madeForAnotherHolder()) {
			return true;
		}
		boolean stored = true;
		for (String clientId : this.identity.clientsActingFor(application.holderId())) {
			stored &= this.webhooks.emit(clientId, WebhookKind.APPLICATION_STATUS_CHANGED, change,
					Map.of("applicationId", application.id(), "status", application.status().name(),
							"version", Long.toString(application.version())));
		}
		return stored;
	}

	Flux<Change> of(String applicantId) {
		return this.sink.flux().filter((change) -> change.applicantId().equals(applicantId));
	}

	private void emit(FeedEvent event) {
		Change change = new Change(event.key(), event.text("applicantId"), event.text("status"),
				event.text("eventType"), event.number("version"), event.at());
		this.sink.emit(change);
	}

	record Change(String applicationId, String applicantId, String status, String eventType, long version, Instant at) {

		/** {@link #eventType()} under the schema's name for it ({@code ApplicationUpdate.kind}). */
		public String kind() {
			return this.eventType;
		}

	}

}
