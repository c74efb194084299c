package cn.tongban.platform.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import cn.tongban.support.InMemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances' leases on one database, each with its own client. */
class JobLeasesTests {

	private final InMemoryMongo mongo = new InMemoryMongo();

	@AfterEach
	void stop() {
		this.mongo.close();
	}

	private JobLeases instance(String id, Duration lease) {
		return new JobLeases(this.mongo.template(), Clock.systemUTC(), id, lease);
	}

	@Test
	void whileOneInstanceRunsABatchTheOtherSkipsItAndRunsTheNext() throws Exception {
		JobLeases a = instance("a", Duration.ofMinutes(5));
		JobLeases b = instance("b", Duration.ofMinutes(5));
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		CompletableFuture<Boolean> onA = CompletableFuture.supplyAsync(() -> a.run("job", () -> {
			running.countDown();
			await(finish);
			return 3;
		}));
		assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
		AtomicInteger batchesOnB = new AtomicInteger();
		assertThat(b.run("job", batchesOnB::incrementAndGet)).isFalse();
		assertThat(batchesOnB).hasValue(0);
		assertThat(b.run("another-job", batchesOnB::incrementAndGet)).as("other jobs are not held").isTrue();

		finish.countDown();
		assertThat(onA.get(10, TimeUnit.SECONDS)).isTrue();
		assertThat(b.run("job", () -> 2)).isTrue();
		assertThat(this.mongo.template().getCollection(JobLeases.RUNS).find(new Document("job", "job")))
			.extracting((run) -> run.getString("instance") + ":" + run.getInteger("handled"))
			.containsExactlyInAnyOrder("a:3", "b:2");
	}

	@Test
	void theLeaseOfAHolderThatDiedRunsOutAndAnotherInstanceTakesTheJobOver() throws Exception {
		// a holder that died keeps the lease it took until it runs out
		this.mongo.template().getCollection(JobLeases.LEASES).insertOne(new Document("_id", "job")
			.append("lockUntil", new Date(System.currentTimeMillis() + 500))
			.append("lockedAt", new Date())
			.append("lockedBy", "dead"));
		JobLeases b = instance("b", Duration.ofMinutes(5));
		assertThat(b.run("job", () -> 1)).isFalse();
		Thread.sleep(600);
		assertThat(b.run("job", () -> 1)).isTrue();
	}

	@Test
	void batchesWithNothingToDoLeaveNoRecord() {
		JobLeases a = instance("a", Duration.ofMinutes(5));
		assertThat(a.run("job", () -> 0)).isTrue();
		assertThat(this.mongo.template().getCollection(JobLeases.RUNS).countDocuments()).isZero();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
