package cn.tongban.platform.limits;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.MongoException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.local.LocalBucketBuilder;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Token buckets every instance shares, kept in the {@value #COLLECTION} collection through
 * Bucket4j's compare-and-swap proxy ({@link MongoBucketStore}): two reads-and-writes by {@code _id} per
 * exchange with the shared state (see {@link #bucket} for how often). The writes are acknowledged by the
 * primary alone without a journal sync: a crash or failover of the database may hand back a few
 * seconds of budget, never more, and a request does not wait for replication.
 *
 * <p>
 * While the database cannot be reached, a bucket falls back to one in this instance's memory with
 * the same limits (each instance then allows the full budget) instead of refusing or failing every
 * request; that is logged once a minute.
 */
@Component
public class SharedBuckets {

	private static final Logger log = LoggerFactory.getLogger(SharedBuckets.class);

	static final String COLLECTION = "rate_buckets";

	private static final Duration LOCAL_AT_MOST = Duration.ofMillis(200);

	private final MongoBucketStore store;

	private final MongoCollection<Document> collection;

	private final Clock clock;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterAccess(Duration.ofMinutes(10))
		.build();

	private final Cache<String, Bucket> fallbacks = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterAccess(Duration.ofMinutes(10))
		.build();

	private final AtomicLong lastWarning = new AtomicLong();

	/** The few distinct limits in use, built once: callers ask on every request. */
	private final Cache<Limit, BucketConfiguration> configurations = Caffeine.newBuilder().maximumSize(1_000).build();

	private final Cache<BucketConfiguration, String> limitNames = Caffeine.newBuilder().maximumSize(1_000).build();

	public SharedBuckets(MongoTemplate mongo, Clock clock) {
		MongoCollection<Document> buckets = mongo.getCollection(COLLECTION);
		this.collection = buckets.withWriteConcern(WriteConcern.W1.withJournal(false));
		this.clock = clock;
		// a bucket left alone until it would be full again is the same as no bucket: it may go then
		this.store = new MongoBucketStore(this.collection, ClientSideConfig.getDefault()
			.withExpirationAfterWriteStrategy(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10))));
		try {
			this.collection.createIndex(Indexes.ascending("expiresAt"),
					new IndexOptions().name("expires_ttl").expireAfter(0L, TimeUnit.SECONDS));
		}
		catch (MongoException ex) {
			log.warn("Index of {} not declared yet: {}", COLLECTION, ex.getMessage());
		}
	}

	/**
	 * The shared bucket of {@code key} (prefixed by its user, e.g. {@code graphql:sub:42}) with these
	 * limits; other limits under the same key are another bucket, so a changed setting starts afresh.
	 * A budget of at least 100 tokens is counted in this instance's memory between exchanges with the
	 * shared state, made after 1 % of its capacity or {@code 200 ms}, whichever comes first: a busy
	 * caller or an app client's crowd then costs a database exchange per 1 % of its budget, not per
	 * request, and each instance may overspend by that 1 % before it learns of the others. Smaller
	 * budgets are exact (an exchange per consumption, concurrent ones merged).
	 */
	public Bucket bucket(String key, BucketConfiguration configuration) {
		return this.buckets.get(key + "/" + this.limitNames.get(configuration, SharedBuckets::limits),
				(k) -> failingOver(k, this.store.builder().withOptimization(exchanges(configuration))
					.build(k, () -> configuration), configuration));
	}

	/** The shared bucket of {@code key} holding {@code capacity}, refilled by {@code refill} each {@code period}. */
	public Bucket bucket(String key, long capacity, long refill, Duration period) {
		return bucket(key, this.configurations.get(new Limit(capacity, refill, period),
				(limit) -> BucketConfiguration.builder()
					.addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.refill(), limit.period()).build())
					.build()));
	}

	/** Whole seconds until a refused consumption could succeed, at least 1: what a refusal tells the caller to wait. */
	public static long retryAfterSeconds(ConsumptionProbe probe) {
		return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
	}

	private static Optimization exchanges(BucketConfiguration configuration) {
		long capacity = configuration.getBandwidths()[0].getCapacity();
		return (capacity >= 100) ? Optimizations.delaying(new DelayParameters(capacity / 100, LOCAL_AT_MOST))
				: Optimizations.batching();
	}

	/** Deletes buckets that would be full again by now (real MongoDB's TTL index does this by itself). */
	public long removeExpired() {
		return this.collection.deleteMany(Filters.lt("expiresAt", Date.from(this.clock.instant()))).getDeletedCount();
	}

	private Bucket failingOver(String key, Bucket shared, BucketConfiguration configuration) {
		return (Bucket) Proxy.newProxyInstance(Bucket.class.getClassLoader(), new Class<?>[] { Bucket.class },
				(proxy, method, arguments) -> {
					try {
						return method.invoke(shared, arguments);
					}
					catch (InvocationTargetException ex) {
						if (!causedByDatabase(ex.getCause())) {
							throw ex.getCause();
						}
						warn(ex.getCause());
						try {
							return method.invoke(this.fallbacks.get(key, (k) -> local(configuration)), arguments);
						}
						catch (InvocationTargetException local) {
							throw local.getCause();
						}
					}
				});
	}

	private record Limit(long capacity, long refill, Duration period) {
	}

	private static String limits(BucketConfiguration configuration) {
		StringBuilder limits = new StringBuilder();
		for (Bandwidth bandwidth : configuration.getBandwidths()) {
			limits.append(limits.isEmpty() ? "" : ",").append(bandwidth.getCapacity()).append('@')
				.append(bandwidth.getRefillTokens()).append('/').append(bandwidth.getRefillPeriodNanos() / 1_000_000);
		}
		return limits.toString();
	}

	private static Bucket local(BucketConfiguration configuration) {
		LocalBucketBuilder builder = Bucket.builder();
		for (Bandwidth bandwidth : configuration.getBandwidths()) {
			builder.addLimit(bandwidth);
		}
		return builder.build();
	}

	private static boolean causedByDatabase(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MongoException) {
				return true;
			}
		}
		return false;
	}

	private void warn(Throwable failure) {
		long now = System.nanoTime();
		long last = this.lastWarning.get();
		if ((last == 0 || now - last > TimeUnit.MINUTES.toNanos(1)) && this.lastWarning.compareAndSet(last, now)) {
			log.warn("Shared budgets unreachable, each instance counts on its own meanwhile: {}", failure.toString());
		}
	}

}
