package cn.tongban.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cn.tongban.platform.audit.AuditLog;
import cn.tongban.platform.audit.AuditType;
import cn.tongban.platform.jobs.JobLeases;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers each active endpoint's events in order, one at a time, from its cursor: a 2xx moves the
 * cursor on; anything else is retried after an exponential backoff with jitter (5 s doubling to an
 * hour) and holds the events behind it, so the receiver sees them in order. After
 * {@link #PAUSE_AFTER} of failures the endpoint is paused (and the integrator's audit trail says
 * so); a 410 Gone disables it at once. One instance at a time runs a pass ({@link JobLeases}).
 * Requests follow no redirects and go only to addresses {@link EndpointAddresses} allows.
 */
@Component
class WebhookDispatcher {

	static final String JOB = "webhook.delivery";

	static final Duration PAUSE_AFTER = Duration.ofHours(24);

	static final Duration FIRST_RETRY = Duration.ofSeconds(5);

	static final Duration LONGEST_RETRY = Duration.ofHours(1);

	static final int EVENTS_PER_PASS = 50;

	private final MongoTemplate mongo;

	private final JsonMapper json;

	private final JobLeases leases;

	private final AuditLog audit;

	private final Clock clock;

	private final boolean allowPrivateAddresses;

	private final HttpClient http;

	private final Duration timeout;

	WebhookDispatcher(MongoTemplate mongo, JsonMapper json, JobLeases leases, AuditLog audit, Clock clock,
			@Value("${tongban.webhook.allow-private-addresses:true}") boolean allowPrivateAddresses,
			@Value("${tongban.webhook.timeout:5s}") Duration timeout) {
		this.mongo = mongo;
		this.json = json;
		this.leases = leases;
		this.audit = audit;
		this.clock = clock;
		this.allowPrivateAddresses = allowPrivateAddresses;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	@Scheduled(fixedDelayString = "${tongban.webhook.delivery-interval:5s}", initialDelayString = "${tongban.webhook.delivery-interval:5s}")
	void run() {
		this.leases.run(JOB, this::deliverDue);
	}

	/** One pass over the active endpoints whose retry is due; returns how many events were delivered. */
	int deliverDue() {
		Instant now = this.clock.instant();
		int delivered = 0;
		for (WebhookEndpoint endpoint : this.mongo.find(Query.query(Criteria.where("status").is(WebhookEndpoint.Status.ACTIVE)),
				WebhookEndpoint.class)) {
			if (endpoint.nextAttemptAt() == null || !now.isBefore(endpoint.nextAttemptAt())) {
				delivered += deliver(endpoint);
			}
		}
		return delivered;
	}

	private int deliver(WebhookEndpoint endpoint) {
		List<WebhookEvent> pending = this.mongo.find(Query.query(Criteria.where("clientId").is(endpoint.clientId())
			.and("sequence").gt(endpoint.cursor())
			.and("kind").in(endpoint.kinds())).with(Sort.by("sequence")).limit(EVENTS_PER_PASS), WebhookEvent.class);
		int delivered = 0;
		WebhookEndpoint current = endpoint;
		for (WebhookEvent event : pending) {
			WebhookDelivery delivery = send(current, event, current.failedAttempts() + 1, false);
			if (!delivery.succeeded()) {
				failed(current, delivery);
				return delivered;
			}
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(current.id()).and("cursor").lt(event.sequence())),
					Update.update("cursor", event.sequence())
						.set("failedAttempts", 0)
						.unset("failingSince")
						.unset("nextAttemptAt")
						.unset("lastError"),
					WebhookEndpoint.class);
			current = this.mongo.findById(current.id(), WebhookEndpoint.class);
			delivered++;
			if (current == null || current.status() != WebhookEndpoint.Status.ACTIVE) {
				return delivered;
			}
		}
		return delivered;
	}

	private void failed(WebhookEndpoint endpoint, WebhookDelivery delivery) {
		Instant now = this.clock.instant();
		Update update = new Update().inc("failedAttempts", 1).set("lastError", describe(delivery));
		if (delivery.statusCode() != null && delivery.statusCode() == 410) {
			update.set("status", WebhookEndpoint.Status.DISABLED).set("pausedAt", now);
			this.audit.record(AuditType.WEBHOOK_ENDPOINT_STOPPED, endpoint.clientId(), endpoint.clientId(), null,
					endpoint.id(), "disabled: the receiver answered 410 Gone");
		}
		else {
			Instant failingSince = (endpoint.failingSince() != null) ? endpoint.failingSince() : now;
			update.set("failingSince", failingSince).set("nextAttemptAt", now.plus(backoff(endpoint.failedAttempts() + 1)));
			if (!now.isBefore(failingSince.plus(PAUSE_AFTER))) {
				update.set("status", WebhookEndpoint.Status.PAUSED).set("pausedAt", now);
				this.audit.record(AuditType.WEBHOOK_ENDPOINT_STOPPED, endpoint.clientId(), endpoint.clientId(), null,
						endpoint.id(), "paused after a day of failed deliveries: " + describe(delivery));
			}
		}
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(endpoint.id())), update, WebhookEndpoint.class);
	}

	/** The wait before attempt {@code failures + 1}: 5 s doubling, at most an hour, ±20 % jitter. */
	static Duration backoff(int failures) {
		long base = Math.min(LONGEST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(failures - 1, 20));
		double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
		return Duration.ofMillis((long) (base * jitter));
	}

	/** One signed POST of the event; the attempt is logged whatever happens. */
	WebhookDelivery send(WebhookEndpoint endpoint, WebhookEvent event, int attempt, boolean replay) {
		Instant started = this.clock.instant();
		long timestamp = started.getEpochSecond();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("type", event.kind().type());
		payload.put("timestamp", event.createdAt().toString());
		payload.put("data", event.data());
		String body = this.json.writeValueAsString(payload);
		List<String> secrets = endpoint.secrets()
			.stream()
			.filter((secret) -> secret.signsAt(started))
			.map(WebhookEndpoint.Secret::value)
			.toList();
		Integer status = null;
		String error = null;
		long begin = System.nanoTime();
		try {
			URI uri = EndpointAddresses.parse(endpoint.url(), this.allowPrivateAddresses);
			EndpointAddresses.checkResolved(uri, this.allowPrivateAddresses);
			HttpRequest request = HttpRequest.newBuilder(uri)
				.timeout(this.timeout)
				.header("Content-Type", "application/json")
				.header("User-Agent", "Tongban-Webhooks/1")
				.header("webhook-id", event.id())
				.header("webhook-timestamp", Long.toString(timestamp))
				.header("webhook-signature", WebhookSignature.header(secrets, event.id(), timestamp, body))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (EndpointAddresses.Refused refused) {
			error = "address refused: " + refused.getMessage();
		}
		catch (IOException ex) {
			error = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		long millis = (System.nanoTime() - begin) / 1_000_000;
		boolean succeeded = status != null && status >= 200 && status < 300;
		WebhookDelivery delivery = new WebhookDelivery("whd_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20),
				endpoint.id(), endpoint.clientId(), event.id(), event.kind(), attempt, replay, started, status,
				(error != null && error.length() > 300) ? error.substring(0, 300) : error, millis, succeeded);
		this.mongo.insert(delivery);
		return delivery;
	}

	private static String describe(WebhookDelivery delivery) {
		return (delivery.statusCode() != null) ? "HTTP " + delivery.statusCode() : delivery.error();
	}

}
