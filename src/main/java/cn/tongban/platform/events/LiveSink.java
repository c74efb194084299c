package cn.tongban.platform.events;

import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * What a subscription of this instance streams: values emitted from request threads and the event
 * feed's reader at once. A collision with a concurrent emit is retried briefly instead of dropping
 * the value; any other failure (no subscriber, a slow one) drops it, as a live stream may.
 */
public final class LiveSink<T> {

	private static final Duration EMIT_RETRY = Duration.ofMillis(100);

	private final Sinks.Many<T> sink = Sinks.many().multicast().directBestEffort();

	public void emit(T value) {
		long deadline = System.nanoTime() + EMIT_RETRY.toNanos();
		while (this.sink.tryEmitNext(value) == Sinks.EmitResult.FAIL_NON_SERIALIZED && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
	}

	public Flux<T> flux() {
		return this.sink.asFlux();
	}

}
