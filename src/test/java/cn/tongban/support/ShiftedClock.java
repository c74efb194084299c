package cn.tongban.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system's time plus a shift the test sets: a whole application can run on it (it ticks like the
 * real clock) while one test jumps ahead instead of waiting, and jumps back when done.
 */
public final class ShiftedClock extends Clock {

	private volatile Duration shift = Duration.ZERO;

	public void shift(Duration by) {
		this.shift = this.shift.plus(by);
	}

	public void reset() {
		this.shift = Duration.ZERO;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.shift);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		ShiftedClock outer = this;
		return new Clock() {
			@Override
			public Instant instant() {
				return outer.instant();
			}

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return outer.withZone(other);
			}
		};
	}

}
