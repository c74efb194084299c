package cn.tongban.identity;

import java.time.Duration;
import java.time.Instant;

import cn.tongban.support.InMemoryMongo;
import cn.tongban.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Five failures in 15 minutes lock a key for 15 minutes: on a clock the test moves, not by waiting. */
class LoginLockoutTests {

	private final InMemoryMongo mongo = new InMemoryMongo();

	private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T08:00:00Z"));

	private LoginLockout lockout;

	@BeforeEach
	void start() {
		this.lockout = new LoginLockout(this.mongo.template(), this.clock);
	}

	@AfterEach
	void stop() {
		this.mongo.close();
	}

	@Test
	void theFifthFailureLocksForFifteenMinutesAndTheLockLiftsByItself() {
		for (int i = 1; i < LoginLockout.MAX_FAILURES; i++) {
			assertThat(this.lockout.recordFailure("m:13800000001")).isFalse();
		}
		assertThat(this.lockout.minutesLocked("m:13800000001")).isZero();
		assertThat(this.lockout.recordFailure("m:13800000001")).isTrue();
		assertThat(this.lockout.minutesLocked("m:13800000001")).isEqualTo(15);

		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.lockout.minutesLocked("m:13800000001")).isEqualTo(5);
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.lockout.minutesLocked("m:13800000001")).isZero();
		assertThat(this.lockout.minutesLocked("m:13800000002")).as("other keys never were").isZero();
	}

	@Test
	void failuresOutsideTheWindowStartANewCount() {
		for (int i = 1; i < LoginLockout.MAX_FAILURES; i++) {
			this.lockout.recordFailure("a:staff.rs");
		}
		this.clock.advance(LoginLockout.WINDOW.plusSeconds(1));
		// the window has passed: this is the first failure of a new one
		assertThat(this.lockout.recordFailure("a:staff.rs")).isFalse();
		for (int i = 2; i < LoginLockout.MAX_FAILURES; i++) {
			assertThat(this.lockout.recordFailure("a:staff.rs")).isFalse();
		}
		assertThat(this.lockout.recordFailure("a:staff.rs")).isTrue();
	}

	@Test
	void aSuccessClearsTheCount() {
		for (int i = 1; i < LoginLockout.MAX_FAILURES; i++) {
			this.lockout.recordFailure("m:13800000003");
		}
		this.lockout.reset("m:13800000003");
		assertThat(this.lockout.recordFailure("m:13800000003")).isFalse();
		assertThat(this.lockout.minutesLocked("m:13800000003")).isZero();
	}

}
