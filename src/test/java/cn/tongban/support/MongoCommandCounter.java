package cn.tongban.support;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonValue;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Counts the data commands the application sends to MongoDB (a driver CommandListener) on the measuring thread. */
@TestConfiguration(proxyBeanMethods = false)
public class MongoCommandCounter implements CommandListener {

	private static final Set<String> DATA_COMMANDS = Set.of("find", "aggregate", "count", "getMore", "insert",
			"update", "delete", "findAndModify", "distinct");

	private final AtomicInteger count = new AtomicInteger();

	private final Map<String, AtomicInteger> byCollection = new ConcurrentHashMap<>();

	@Bean
	MongoClientSettingsBuilderCustomizer commandCounting() {
		return (settings) -> settings.addCommandListener(this);
	}

	/**
	 * The platform's own collections (shared rate budgets, the event feed, job leases) are read and
	 * written by every request and by background pollers: not the round trips of the path measured.
	 */
	private static final Set<String> PLATFORM_COLLECTIONS = Set.of("rate_buckets", "platform_events",
			"platform_counters", "job_leases", "job_runs");

	/**
	 * The thread that last reset the counter: MockMvc runs the request on it, so commands of background
	 * jobs (the webhook dispatcher, the follow-ups) polling meanwhile are not counted as the path's.
	 */
	private volatile Thread measured;

	@Override
	public void commandStarted(CommandStartedEvent event) {
		Thread measuring = this.measured;
		if (measuring != null && measuring != Thread.currentThread()) {
			return;
		}
		BsonValue collection = event.getCommand().get(event.getCommandName());
		boolean platform = collection != null && collection.isString()
				&& PLATFORM_COLLECTIONS.contains(collection.asString().getValue());
		if (DATA_COMMANDS.contains(event.getCommandName()) && !platform) {
			this.count.incrementAndGet();
			if (collection != null && collection.isString()) {
				this.byCollection.computeIfAbsent(collection.asString().getValue(), (name) -> new AtomicInteger())
					.incrementAndGet();
			}
		}
	}

	public void reset() {
		this.measured = Thread.currentThread();
		this.count.set(0);
		this.byCollection.clear();
	}

	/** Data commands on one collection since the last reset. */
	public int count(String collection) {
		AtomicInteger counted = this.byCollection.get(collection);
		return (counted != null) ? counted.get() : 0;
	}

	public int count() {
		return this.count.get();
	}

}
