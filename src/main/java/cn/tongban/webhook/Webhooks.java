package cn.tongban.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.tongban.platform.crypto.Sha256;
import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.Connection;
import cn.tongban.platform.graphql.Keyset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Integrators' webhooks: other modules {@link #emit} events after the change they report; the
 * integrator registers endpoints, rotates secrets, resumes a paused endpoint, reads its delivery log
 * and replays a delivery. {@link WebhookDispatcher} delivers.
 */
@Service
public class Webhooks {

	static final int MAX_ENDPOINTS = 5;

	/** How long a replaced secret keeps signing, so the receiver can switch without losing a message. */
	static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

	private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

	private final MongoTemplate mongo;

	private final Clock clock;

	private final boolean allowPrivateAddresses;

	private final WebhookDispatcher dispatcher;

	Webhooks(MongoTemplate mongo, Clock clock, WebhookDispatcher dispatcher,
			@Value("${tongban.webhook.allow-private-addresses:true}") boolean allowPrivateAddresses) {
		this.mongo = mongo;
		this.clock = clock;
		this.dispatcher = dispatcher;
		this.allowPrivateAddresses = allowPrivateAddresses;
	}

	/** The integrator's next event sequence (one conditional increment). */
	record Sequence(String id, long value) {
	}

	/**
	 * Puts an event in the integrator's outbox. {@code about} names what happened (a consent id and
	 * the change): the event's id derives from it, so emitting again stores nothing. A failure is
	 * logged, never thrown — the change it reports stands —, and answered false, so a caller that
	 * keeps a pending flag with its change can leave it for a retry.
	 */
	public boolean emit(String clientId, WebhookKind kind, String about, Map<String, String> data) {
		try {
			String id = "msg_" + Sha256.hex(clientId + "|" + kind + "|" + about).substring(0, 24);
			if (this.mongo.exists(Query.query(Criteria.where("_id").is(id)), WebhookEvent.class)) {
				return true;
			}
			long sequence = next(clientId);
			this.mongo.insert(new WebhookEvent(id, clientId, sequence, kind, Map.copyOf(data), this.clock.instant()));
			return true;
		}
		catch (DuplicateKeyException already) {
			return true; // emitted meanwhile: once is enough
		}
		catch (RuntimeException ex) {
			log.warn("Webhook event {} for {} about {} not stored", kind, clientId, about, ex);
			return false;
		}
	}

	private long next(String clientId) {
		Sequence counter = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(clientId)),
				new Update().inc("value", 1), FindAndModifyOptions.options().upsert(true).returnNew(true), Sequence.class,
				"webhook_sequences");
		return counter.value();
	}

	private long current(String clientId) {
		Sequence counter = this.mongo.findById(clientId, Sequence.class, "webhook_sequences");
		return (counter != null) ? counter.value() : 0;
	}

	/** A new endpoint and its secret (shown once); events from now on are delivered to it. */
	record Registered(WebhookEndpoint endpoint, String secret) {
	}

	Registered register(String clientId, String url, Set<WebhookKind> kinds) {
		checkUrl(url);
		if (this.mongo.count(Query.query(Criteria.where("clientId").is(clientId)), WebhookEndpoint.class) >= MAX_ENDPOINTS) {
			throw ApiException.onField("input.url", WebhookError.WEBHOOK_ENDPOINT_LIMIT, MAX_ENDPOINTS);
		}
		Instant now = this.clock.instant();
		String secret = WebhookSignature.newSecret();
		WebhookEndpoint endpoint = new WebhookEndpoint("whe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20),
				clientId, url.strip(), EnumSet.copyOf(kinds), List.of(new WebhookEndpoint.Secret(secret, now, null)),
				WebhookEndpoint.Status.ACTIVE, current(clientId), 0, null, null, null, now, null);
		this.mongo.insert(endpoint);
		return new Registered(endpoint, secret);
	}

	List<WebhookEndpoint> endpoints(String clientId) {
		return this.mongo.find(Query.query(Criteria.where("clientId").is(clientId)).with(Sort.by("createdAt")),
				WebhookEndpoint.class);
	}

	WebhookEndpoint require(String clientId, String endpointId) {
		WebhookEndpoint endpoint = this.mongo.findById(endpointId, WebhookEndpoint.class);
		if (endpoint == null || !endpoint.clientId().equals(clientId)) {
			throw ApiException.onField("input.endpointId", WebhookError.WEBHOOK_ENDPOINT_NOT_FOUND);
		}
		return endpoint;
	}

	/** A new secret signs from now on; the ones before keep signing for {@link #ROTATION_OVERLAP}. */
	Registered rotateSecret(String clientId, String endpointId) {
		WebhookEndpoint endpoint = require(clientId, endpointId);
		Instant now = this.clock.instant();
		String secret = WebhookSignature.newSecret();
		List<WebhookEndpoint.Secret> secrets = new ArrayList<>();
		for (WebhookEndpoint.Secret old : endpoint.secrets()) {
			if (old.signsAt(now)) {
				Instant until = now.plus(ROTATION_OVERLAP);
				secrets.add(new WebhookEndpoint.Secret(old.value(), old.createdAt(),
						(old.expiresAt() != null && old.expiresAt().isBefore(until)) ? old.expiresAt() : until));
			}
		}
		secrets.add(new WebhookEndpoint.Secret(secret, now, null));
		WebhookEndpoint rotated = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(endpointId)),
				Update.update("secrets", secrets), FindAndModifyOptions.options().returnNew(true), WebhookEndpoint.class);
		return new Registered(rotated, secret);
	}

	/** A paused endpoint delivers again from where it stopped; a disabled (410) one cannot. */
	WebhookEndpoint resume(String clientId, String endpointId) {
		WebhookEndpoint endpoint = require(clientId, endpointId);
		if (endpoint.status() == WebhookEndpoint.Status.DISABLED) {
			throw ApiException.onField("input.endpointId", WebhookError.WEBHOOK_ENDPOINT_DISABLED);
		}
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(endpointId)),
				Update.update("status", WebhookEndpoint.Status.ACTIVE)
					.set("failedAttempts", 0)
					.unset("failingSince")
					.unset("nextAttemptAt")
					.unset("pausedAt"),
				FindAndModifyOptions.options().returnNew(true), WebhookEndpoint.class);
	}

	WebhookEndpoint delete(String clientId, String endpointId) {
		WebhookEndpoint endpoint = require(clientId, endpointId);
		this.mongo.remove(Query.query(Criteria.where("_id").is(endpointId)), WebhookEndpoint.class);
		return endpoint;
	}

	Connection<WebhookDelivery> deliveries(String clientId, String endpointId, Integer first, String after) {
		require(clientId, endpointId);
		Query query = Query.query(Criteria.where("endpointId").is(endpointId));
		return Keyset.page(query, first, after, "at", (WebhookDelivery delivery) -> new Keyset(delivery.at(), delivery.id()),
				(page) -> this.mongo.find(page, WebhookDelivery.class), this.mongo.count(query, WebhookDelivery.class));
	}

	/** Sends one event again now (logged as a replay); the endpoint's cursor and retries are untouched. */
	WebhookDelivery redeliver(String clientId, String endpointId, String eventId) {
		WebhookEndpoint endpoint = require(clientId, endpointId);
		if (endpoint.status() == WebhookEndpoint.Status.DISABLED) {
			throw ApiException.onField("input.endpointId", WebhookError.WEBHOOK_ENDPOINT_DISABLED);
		}
		WebhookEvent event = this.mongo.findById(eventId, WebhookEvent.class);
		if (event == null || !event.clientId().equals(clientId)) {
			throw ApiException.onField("input.eventId", WebhookError.WEBHOOK_EVENT_NOT_FOUND);
		}
		return this.dispatcher.send(endpoint, event, 0, true);
	}

	private void checkUrl(String url) {
		try {
			EndpointAddresses.checkResolved(EndpointAddresses.parse(url, this.allowPrivateAddresses),
					this.allowPrivateAddresses);
		}
		catch (EndpointAddresses.Refused refused) {
			throw ApiException.onField("input.url", WebhookError.WEBHOOK_URL_REFUSED, refused.getMessage());
		}
	}

}
