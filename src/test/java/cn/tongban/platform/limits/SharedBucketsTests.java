package cn.tongban.platform.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.tongban.support.InMemoryMongo;
import cn.tongban.support.MovableClock;
import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** One budget whatever the number of instances: two instances' buckets on one database, each with its own client. */
class SharedBucketsTests {

	private final InMemoryMongo mongo = new InMemoryMongo();

	@AfterEach
	void stop() {
		this.mongo.close();
	}

	private static BucketConfiguration perMinute(int tokens) {
		return BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(tokens).refillGreedy(tokens, Duration.ofMinutes(1)).build())
			.build();
	}

	@Test
	void aBurstSplitAcrossTwoInstancesIsLimitedOnce() {
		SharedBuckets a = new SharedBuckets(this.mongo.template(), Clock.systemUTC());
		SharedBuckets b = new SharedBuckets(this.mongo.template(), Clock.systemUTC());
		int consumed = 0;
		for (int i = 0; i < 20; i++) {
			if (((i % 2 == 0) ? a : b).bucket("graphql:sub:42", perMinute(10)).tryConsume(1)) {
				consumed++;
			}
		}
		assertThat(consumed).isEqualTo(10);
		assertThat(a.bucket("graphql:sub:43", perMinute(10)).tryConsume(1)).as("another key, another budget").isTrue();
		assertThat(b.bucket("graphql:sub:42", perMinute(20)).tryConsume(1)).as("other limits, another budget")
			.isTrue();
	}

	@Test
	void concurrentConsumersOnTwoInstancesNeverOverspend() throws Exception {
		List<SharedBuckets> instances = List.of(new SharedBuckets(this.mongo.template(), Clock.systemUTC()),
				new SharedBuckets(this.mongo.template(), Clock.systemUTC()));
		ExecutorService threads = Executors.newFixedThreadPool(8);
		List<Future<Integer>> counts = new ArrayList<>();
		for (int t = 0; t < 8; t++) {
			SharedBuckets instance = instances.get(t % 2);
			counts.add(threads.submit(() -> {
				int consumed = 0;
				for (int i = 0; i < 25; i++) {
					if (instance.bucket("graphql:ip:10.0.0.1", perMinute(60)).tryConsume(1)) {
						consumed++;
					}
				}
				return consumed;
			}));
		}
		int total = 0;
		for (Future<Integer> count : counts) {
			total += count.get(60, TimeUnit.SECONDS);
		}
		threads.shutdown();
		assertThat(total).isEqualTo(60);
	}

	@Test
	void aLargeBudgetIsCountedLocallyBetweenExchangesAndOverspentByAtMostOnePercentPerInstance() {
		SharedBuckets a = new SharedBuckets(this.mongo.template(), Clock.systemUTC());
		SharedBuckets b = new SharedBuckets(this.mongo.template(), Clock.systemUTC());
		long start = System.nanoTime();
		int consumed = 0;
		for (int i = 0; i < 1500; i++) {
			if (((i % 2 == 0) ? a : b).bucket("graphql:client:tongban-app", perMinute(1000)).tryConsume(1)) {
				consumed++;
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		int refilled = (int) Math.ceil(seconds * 1000 / 60);
		assertThat(consumed).isBetween(1000 - 2 * 10, 1000 + 2 * 10 + refilled);
		assertThat(this.mongo.template().getCollection(SharedBuckets.COLLECTION).countDocuments())
			.as("one shared document").isEqualTo(1);
	}

	@Test
	void bucketsFullAgainAreRemovedAndOthersKept() {
		MovableClock clock = new MovableClock(Instant.now().plus(Duration.ofMinutes(5)));
		SharedBuckets buckets = new SharedBuckets(this.mongo.template(), clock);
		buckets.bucket("graphql:sub:1", perMinute(10)).tryConsume(1);
		assertThat(buckets.removeExpired()).as("refilled 10 s after a minute at most: gone by then").isEqualTo(1);

		SharedBuckets now = new SharedBuckets(this.mongo.template(), Clock.systemUTC());
		now.bucket("graphql:sub:2", perMinute(10)).tryConsume(1);
		assertThat(now.removeExpired()).as("still refilling").isZero();
	}

	@Test
	void withoutTheDatabaseEachInstanceCountsOnItsOwn() {
		MongoServer server = new MongoServer(new MemoryBackend());
		String uri = server.bindAndGetConnectionString();
		MongoTemplate template = new MongoTemplate(MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(uri))
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(300, TimeUnit.MILLISECONDS))
			.applyToSocketSettings((socket) -> socket.connectTimeout(300, TimeUnit.MILLISECONDS))
			.build()), "tongban");
		SharedBuckets buckets = new SharedBuckets(template, Clock.systemUTC());
		assertThat(buckets.bucket("graphql:sub:7", perMinute(3)).tryConsume(1)).isTrue();
		server.shutdownNow();

		int consumed = 0;
		for (int i = 0; i < 5; i++) {
			if (buckets.bucket("graphql:sub:7", perMinute(3)).tryConsume(1)) {
				consumed++;
			}
		}
		assertThat(consumed).as("the same limits, in memory").isEqualTo(3);
	}

}
