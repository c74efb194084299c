package cn.tongban.message;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import cn.tongban.platform.events.EventFeed;
import cn.tongban.platform.events.FeedEvent;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * New inbox messages as a stream, for the {@code messageAdded} subscription, through the instances'
 * {@link EventFeed}: a message posted on any instance reaches the holder's subscription on every one.
 */
@Component
class MessageFeed {

	static final String POSTED = "message.posted";

	private static final Duration EMIT_RETRY = Duration.ofMillis(100);

	private final Sinks.Many<Message> sink = Sinks.many().multicast().directBestEffort();

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
		return this.sink.asFlux().filter((message) -> message.holderId().equals(holderId));
	}

	private void emit(FeedEvent event) {
		String link = event.text("link");
		Message message = new Message(event.key(), event.text("holderId"), MessageKind.valueOf(event.text("kind")),
				event.text("title"), event.text("body"), (link == null || link.isEmpty()) ? null : link,
				Instant.ofEpochMilli(event.number("createdAt")), null);
		long deadline = System.nanoTime() + EMIT_RETRY.toNanos();
		while (this.sink.tryEmitNext(message) == Sinks.EmitResult.FAIL_NON_SERIALIZED && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
	}

}
