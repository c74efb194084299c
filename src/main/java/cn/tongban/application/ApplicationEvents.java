package cn.tongban.application;

import java.time.Instant;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Status changes of applications as a stream, for the {@code applicationUpdates} subscription.
 * In-process: with several instances a subscriber sees the changes made on its own instance (a
 * MongoDB change stream is the step for that; the embedded server has none).
 */
@Component
class ApplicationEvents {

	private final Sinks.Many<Change> sink = Sinks.many().multicast().directBestEffort();

	void publish(Application application, String eventType) {
		this.sink.tryEmitNext(new Change(application.id(), application.applicantId(), application.status().name(),
				eventType, application.version(), Instant.now()));
	}

	Flux<Change> of(String applicantId) {
		return this.sink.asFlux().filter((change) -> change.applicantId().equals(applicantId));
	}

	record Change(String applicationId, String applicantId, String status, String eventType, long version, Instant at) {
	}

}
