package cn.tongban.hall;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 3 no-shows in 90 days block booking for 30 days. */
class FairUseTests {

	private static final Instant T = Instant.parse("2026-09-01T01:00:00Z");

	@Test
	void threeWithinNinetyDaysBlockForThirtyDaysFromTheThird() {
		assertThat(FairUse.blockedUntil(List.of())).isNull();
		assertThat(FairUse.blockedUntil(List.of(T, days(10)))).isNull();
		assertThat(FairUse.blockedUntil(List.of(days(80), T, days(10)))).isEqualTo(days(80).plus(Duration.ofDays(30)));
	}

	@Test
	void noShowsFurtherApartThanNinetyDaysDoNotAddUp() {
		assertThat(FairUse.blockedUntil(List.of(T, days(50), days(100)))).isNull();
		assertThat(FairUse.blockedUntil(List.of(T, days(50), days(100), days(120)))).isEqualTo(days(120).plus(Duration.ofDays(30)));
	}

	@Test
	void theNoShowsThatCausedABlockDoNotCountAgain() {
		// blocked after the third; one more later is not a fourth of the same window
		assertThat(FairUse.blockedUntil(List.of(T, days(1), days(2), days(40)))).isEqualTo(days(2).plus(Duration.ofDays(30)));
	}

	private static Instant days(int n) {
		return T.plus(Duration.ofDays(n));
	}

}
