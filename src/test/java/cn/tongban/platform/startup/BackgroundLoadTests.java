package cn.tongban.platform.startup;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundLoadTests {

	@Test
	void callersWaitUntilTheWorkIsDoneAndTimeOutBefore() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		BackgroundLoad load = new BackgroundLoad("test-load", () -> await(release), Duration.ofMillis(10));
		load.start();

		assertThat(load.await(Duration.ofMillis(50))).isFalse();
		assertThat(load.isDone()).isFalse();
		assertThat(load.failure()).isNull();

		release.countDown();
		assertThat(load.await(Duration.ofSeconds(5))).isTrue();
		assertThat(load.isDone()).isTrue();
	}

	@Test
	void aFailedAttemptIsShownAndRetriedUntilItSucceeds() {
		AtomicInteger attempts = new AtomicInteger();
		CountDownLatch secondFailed = new CountDownLatch(2);
		CountDownLatch mayPass = new CountDownLatch(1);
		BackgroundLoad load = new BackgroundLoad("test-load", () -> {
			if (attempts.incrementAndGet() <= 2) {
				secondFailed.countDown();
				throw new IllegalStateException("database away");
			}
			await(mayPass);
		}, Duration.ofMillis(10));
		load.start();

		await(secondFailed);
		assertThat(load.await(Duration.ofMillis(20))).isFalse();
		assertThat(load.failure()).contains("database away");

		mayPass.countDown();
		assertThat(load.await(Duration.ofSeconds(5))).isTrue();
		assertThat(attempts).hasValue(3);
		assertThat(load.failure()).isNull();
	}

	@Test
	void stoppingEndsTheRetries() throws InterruptedException {
		AtomicInteger attempts = new AtomicInteger();
		BackgroundLoad load = new BackgroundLoad("test-load", () -> {
			attempts.incrementAndGet();
			throw new IllegalStateException("never works");
		}, Duration.ofMillis(20));
		load.start();
		Thread.sleep(60);
		load.stop();
		Thread.sleep(60);
		int afterStop = attempts.get();
		Thread.sleep(100);

		assertThat(attempts).hasValue(afterStop);
		assertThat(load.isDone()).isFalse();
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
