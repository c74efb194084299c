package cn.tongban.platform.events;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import com.mongodb.MongoException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The feed every instance on one database reads: {@link #publish} appends an event, every
 * instance's listeners of its kind get it, the publishing instance's at once and the others' within
 * a poll interval (200 ms by default).
 *
 * <p>
 * Chosen over change streams because it works the same on every database this service runs on: the
 * embedded server has no replica-set oplog worth tailing, and a change stream would also tie the feed
 * to a deployment that has one. Each event takes the next number from a counter document
 * ({@code findOneAndUpdate $inc}) and is stored under that number as its {@code _id}; an idle poll is one
 * read of the counter by {@code _id}, a busy one also reads the new numbers by {@code _id}. A number
 * taken by a writer that died before storing its event is skipped after {@code gap-grace}.
 *
 * <p>
 * Delivery is at most once per instance and best effort: the change itself is already durable
 * before it is published (events are written without a journal sync), so listeners use events to be
 * fast and keep their own slower reconciliation for what a crash may drop (the search index
 * re-reads changed items every few minutes).
 */
@Component
public class EventFeed implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventFeed.class);

	static final String EVENTS = "platform_events";

	static final String COUNTERS = "platform_counters";

	private static final int BATCH = 500;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final Duration pollInterval;

	private final Duration gapGrace;

	private final long retain;

	private final String instanceId = ManagementFactory.getRuntimeMXBean().getName() + "/"
			+ UUID.randomUUID().toString().substring(0, 8);

	private final Map<String, List<Consumer<FeedEvent>>> listeners = new ConcurrentHashMap<>();

	/** The last sequence this instance has handled (delivered or skipped). */
	private long handled;

	/** When the first missing sequence after {@link #handled} was noticed; 0 when none is missing. */
	private long gapNoticedNanos;

	private volatile ScheduledExecutorService tailer;

	EventFeed(MongoTemplate mongo, Clock clock, @Value("${tongban.events.poll-interval:200ms}") Duration pollInterval,
			@Value("${tongban.events.gap-grace:2s}") Duration gapGrace,
			@Value("${tongban.events.retain:100000}") long retain) {
		this.mongo = mongo;
		this.clock = clock;
		this.pollInterval = pollInterval;
		this.gapGrace = gapGrace;
		this.retain = retain;
	}

	/** Identifies this process among the instances (its events, its leases). */
	public String instanceId() {
		return this.instanceId;
	}

	/** Calls {@code listener} with every event of this kind, from this instance and the others. */
	public void listen(String kind, Consumer<FeedEvent> listener) {
		this.listeners.computeIfAbsent(kind, (k) -> new CopyOnWriteArrayList<>()).add(listener);
	}

	/**
	 * Appends an event after a change was stored. A feed the database refuses is logged, not thrown:
	 * the caller's change is made and must be reported as made; this instance's listeners still get it.
	 */
	public void publish(String kind, String key, Map<String, Object> data) {
		Map<String, Object> values = Map.copyOf(data);
		Instant at = Instant.now(this.clock);
		long sequence = 0;
		try {
			sequence = nextSequence();
			events().insertOne(new Document("_id", sequence).append("kind", kind)
				.append("key", key)
				.append("data", new Document(values))
				.append("origin", this.instanceId)
				.append("at", Date.from(at)));
		}
		catch (MongoException ex) {
			log.warn("Event {} {} not stored in the feed (other instances learn of it by reconciliation): {}", kind,
					key, ex.getMessage());
		}
		deliver(new FeedEvent(sequence, kind, key, values, this.instanceId, at));
	}

	private long nextSequence() {
		Document counter = counters().findOneAndUpdate(Filters.eq("_id", EVENTS), Updates.inc("sequence", 1L),
				new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
		return ((Number) counter.get("sequence")).longValue();
	}

	private long head() {
		Document counter = counters().find(Filters.eq("_id", EVENTS)).first();
		return (counter != null) ? ((Number) counter.get("sequence")).longValue() : 0;
	}

	/** Listeners get what is published from now on, not what was before. */
	synchronized void followFromNow() {
		this.handled = head();
		this.gapNoticedNanos = 0;
	}

	/** Reads what other instances published since the last poll and hands it to the listeners, in order. */
	synchronized void poll() {
		long head = head();
		if (head < this.handled) {
			// the database was replaced or restored to an earlier state: follow it from where it is
			this.handled = head;
			this.gapNoticedNanos = 0;
			return;
		}
		if (head == this.handled) {
			return;
		}
		long last = Math.min(head, this.handled + BATCH);
		Map<Long, FeedEvent> found = new HashMap<>();
		List<Long> wanted = LongStream.rangeClosed(this.handled + 1, last).boxed().toList();
		for (Document document : events().find(Filters.in("_id", wanted))) {
			FeedEvent event = toEvent(document);
			found.put(event.sequence(), event);
		}
		for (long sequence = this.handled + 1; sequence <= last; sequence++) {
			FeedEvent event = found.get(sequence);
			if (event == null) {
				long now = System.nanoTime();
				if (this.gapNoticedNanos == 0) {
					this.gapNoticedNanos = now;
				}
				if (now - this.gapNoticedNanos < this.gapGrace.toNanos()) {
					return; // a writer between taking the number and storing the event
				}
				log.debug("Feed event {} never arrived; skipped", sequence);
			}
			else if (!event.origin().equals(this.instanceId)) {
				deliver(event);
			}
			this.handled = sequence;
			this.gapNoticedNanos = 0;
		}
	}

	/** Removes all but the newest {@code retain} events (the embedded server keeps no TTL index). */
	public long prune() {
		long head = head();
		if (head <= this.retain) {
			return 0;
		}
		return events().deleteMany(Filters.lte("_id", head - this.retain)).getDeletedCount();
	}

	private void deliver(FeedEvent event) {
		for (Consumer<FeedEvent> listener : this.listeners.getOrDefault(event.kind(), List.of())) {
			try {
				listener.accept(event);
			}
			catch (RuntimeException ex) {
				log.warn("A listener of {} failed on {}", event.kind(), event.key(), ex);
			}
		}
	}

	private static FeedEvent toEvent(Document document) {
		Document data = document.get("data", Document.class);
		return new FeedEvent(((Number) document.get("_id")).longValue(), document.getString("kind"),
				document.getString("key"), (data != null) ? Map.copyOf(new HashMap<>(data)) : Map.of(),
				document.getString("origin"), document.getDate("at").toInstant());
	}

	private MongoCollection<Document> events() {
		return unsynced(this.mongo.getCollection(EVENTS));
	}

	private MongoCollection<Document> counters() {
		return unsynced(this.mongo.getCollection(COUNTERS));
	}

	/**
	 * Events are hints that follow a durable change: acknowledged by the primary alone, with no
	 * journal sync of their own (a failover may drop a few; reconciliation covers them).
	 */
	private static MongoCollection<Document> unsynced(MongoCollection<Document> collection) {
		return collection.withWriteConcern(WriteConcern.W1.withJournal(false));
	}

	@Override
	public void start() {
		try {
			// real MongoDB drops day-old events by itself; prune() bounds the embedded server
			events().createIndex(Indexes.ascending("at"), new IndexOptions().name("at_ttl").expireAfter(1L, TimeUnit.DAYS));
			followFromNow();
		}
		catch (MongoException ex) {
			log.warn("Event feed not read yet: {}", ex.getMessage());
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "event-feed");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::pollQuietly, this.pollInterval.toMillis(), this.pollInterval.toMillis(),
				TimeUnit.MILLISECONDS);
		this.tailer = executor;
	}

	private void pollQuietly() {
		try {
			poll();
		}
		catch (RuntimeException ex) {
			log.debug("Event feed poll failed: {}", ex.getMessage());
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.tailer;
		this.tailer = null;
		if (executor != null) {
			executor.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.tailer != null;
	}

	/** Polls only after the rest has started (the database, seeding, the index). */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 1000;
	}

}
