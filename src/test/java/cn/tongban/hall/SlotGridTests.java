package cn.tongban.hall;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import cn.tongban.platform.ChinaTime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which half hours can be booked, and when not. */
class SlotGridTests {

	private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

	@Test
	void everyHalfHourOfEachSessionEndingByClosingTime() {
		assertThat(SlotGrid.startsOn(MONDAY, OpeningHoursTests.CENTRE, HallCalendar.NONE))
			.hasSize(6 + 7)
			.startsWith(MONDAY.atTime(9, 0), MONDAY.atTime(9, 30))
			.contains(MONDAY.atTime(11, 30), MONDAY.atTime(13, 30))
			.doesNotContain(MONDAY.atTime(12, 0), MONDAY.atTime(17, 0))
			.endsWith(MONDAY.atTime(16, 30));
		assertThat(SlotGrid.startsOn(MONDAY.plusDays(6), OpeningHoursTests.CENTRE, HallCalendar.NONE)).as("Sunday").isEmpty();
	}

	@Test
	void tooSoonTooFarAheadAndOffTheGridAreRefused() {
		Instant now = at(MONDAY.atTime(9, 10));
		assertThat(SlotGrid.refusal(at(MONDAY.atTime(10, 0)), OpeningHoursTests.CENTRE, HallCalendar.NONE, now)).isEmpty();
		assertThat(SlotGrid.refusal(at(MONDAY.atTime(9, 30)), OpeningHoursTests.CENTRE, HallCalendar.NONE, now)).isPresent();
		assertThat(SlotGrid.refusal(at(MONDAY.atTime(10, 15)), OpeningHoursTests.CENTRE, HallCalendar.NONE, now)).isPresent();
		assertThat(SlotGrid.refusal(at(MONDAY.atTime(12, 0)), OpeningHoursTests.CENTRE, HallCalendar.NONE, now)).isPresent();
		assertThat(SlotGrid.refusal(at(MONDAY.plusDays(7).atTime(9, 0)), OpeningHoursTests.CENTRE, HallCalendar.NONE, now)).isEmpty();
		assertThat(SlotGrid.refusal(at(MONDAY.plusDays(8).atTime(9, 0)), OpeningHoursTests.CENTRE, HallCalendar.NONE, now)).isPresent();
	}

	private static Instant at(LocalDateTime local) {
		return local.atZone(ChinaTime.ZONE).toInstant();
	}

}
