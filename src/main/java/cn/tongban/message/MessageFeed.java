package cn.tongban.message;

import java.time.Instant;
import java.util.Map;

import cn.tongban.platform.events.EventFeed;
import cn.tongban.platform.events.FeedEvent;
import cn.tongban.platform.events.LiveSink;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/**
 * New inbox messages as a stream, for the {@code messageAdded} subscription, through the instances'
 * {@link EventFeed}: a message posted on any instance reaches the holder's subscription on every one.
 */
@Component
class MessageFeed {

	static final String POSTED = "message.posted";

	private final LiveSink<Message> sink = new LiveSink<>();

	private final EventFeed feed;

	MessageFeed(EventFeed feed) {
		this.feed = feed;
		feed.listen(POSTED, this::emit);
	}

	void posted(Message message) {
		this.feed.publish(POSTED, message.id(), Map.of("holderId", message.holderId(), "kind", message.kind().name(),
				"title", message.title(), "body", message.body(), "link", (message.link() != null) ? message.link() : "",
				"createdAt", message.createdAt().toEpochMilli()));
	}

	Flux<Message> of(String holderId) {
		return this.sink.flux().filter((message) -> message.holderId().equals(holderId));
	}

	private void emit(FeedEvent event) {
		String link = event.text("link");
		Message message = new Message(event.key(), event.text("holderId"), MessageKind.valueOf(event.text("kind")),
				event.text("title"), event.text("body"), (link == null || link.isEmpty()) ? null : link,
				Instant.ofEpochMilli(event.number("createdAt")), null);
		this.sink.emit(message);
	}

}
