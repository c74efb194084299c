package cn.tongban.hall;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Open now and next opening: lunch breaks, Saturday service, holidays, worked weekends. */
class OpeningHoursTests {

	private static final Set<DayOfWeek> WEEKDAYS = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
			DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

	static final OpeningHours CENTRE = new OpeningHours(List.of(
			new Session(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(12, 0), null),
			new Session(WEEKDAYS, LocalTime.of(13, 30), LocalTime.of(17, 0), null),
			new Session(Set.of(DayOfWeek.SATURDAY), LocalTime.of(9, 0), LocalTime.of(12, 0), "周六延时服务")),
			OpeningHours.HolidayService.CLOSED);

	/** 2026-12-07 is a Monday. */
	private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

	@Test
	void openInItsSessionsAndClosedOverLunchAndAtClosingTime() {
		assertThat(CENTRE.isOpen(MONDAY.atTime(9, 0), HallCalendar.NONE)).isTrue();
		assertThat(CENTRE.isOpen(MONDAY.atTime(8, 59), HallCalendar.NONE)).isFalse();
		assertThat(CENTRE.isOpen(MONDAY.atTime(12, 15), HallCalendar.NONE)).isFalse();
		assertThat(CENTRE.isOpen(MONDAY.atTime(16, 59), HallCalendar.NONE)).isTrue();
		assertThat(CENTRE.isOpen(MONDAY.atTime(17, 0), HallCalendar.NONE)).isFalse();
		assertThat(CENTRE.isOpen(MONDAY.plusDays(5).atTime(10, 0), HallCalendar.NONE)).as("Saturday morning").isTrue();
		assertThat(CENTRE.isOpen(MONDAY.plusDays(5).atTime(14, 0), HallCalendar.NONE)).as("Saturday afternoon").isFalse();
		assertThat(CENTRE.isOpen(MONDAY.plusDays(6).atTime(10, 0), HallCalendar.NONE)).as("Sunday").isFalse();
	}

	@Test
	void nextOpeningSkipsLunchTheWeekendAndHolidays() {
		assertThat(CENTRE.nextOpening(MONDAY.atTime(12, 10), HallCalendar.NONE)).contains(MONDAY.atTime(13, 30));
		assertThat(CENTRE.nextOpening(MONDAY.atTime(10, 0), HallCalendar.NONE)).isEmpty();
		// Saturday afternoon → Monday 9:00
		assertThat(CENTRE.nextOpening(MONDAY.plusDays(5).atTime(13, 0), HallCalendar.NONE)).contains(MONDAY.plusDays(7).atTime(9, 0));
		HallCalendar mondayOff = new HallCalendar(Map.of(MONDAY.plusDays(7), "假日"), Set.of());
		assertThat(CENTRE.nextOpening(MONDAY.plusDays(5).atTime(13, 0), mondayOff)).contains(MONDAY.plusDays(8).atTime(9, 0));
	}

	@Test
	void aHolidayClosesTheHallAndAWorkedSundayOpensItAtMondayHours() {
		HallCalendar calendar = new HallCalendar(Map.of(MONDAY, "假日"), Set.of(MONDAY.plusDays(6)));
		assertThat(CENTRE.isOpen(MONDAY.atTime(10, 0), calendar)).isFalse();
		assertThat(CENTRE.on(MONDAY, calendar)).isEmpty();
		assertThat(CENTRE.isOpen(MONDAY.plusDays(6).atTime(14, 0), calendar)).as("worked Sunday").isTrue();
	}

	@Test
	void anAppointmentsOnlyHallHasSessionsOnAHolidayButNoWalkIns() {
		OpeningHours byAppointment = new OpeningHours(CENTRE.sessions(), OpeningHours.HolidayService.APPOINTMENTS_ONLY);
		HallCalendar calendar = new HallCalendar(Map.of(MONDAY, "假日"), Set.of());
		assertThat(byAppointment.on(MONDAY, calendar)).hasSize(2);
		assertThat(byAppointment.isOpen(LocalDateTime.of(MONDAY, LocalTime.of(10, 0)), calendar)).isFalse();
	}

}
