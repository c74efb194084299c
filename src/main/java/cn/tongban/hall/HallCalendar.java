package cn.tongban.hall;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * The public-holiday calendar halls follow (法定节假日 and the weekends worked in exchange, 调休上班),
 * as the State Council publishes it each year; a date it does not name is an ordinary day.
 */
public record HallCalendar(Map<LocalDate, String> holidays, Set<LocalDate> workedWeekends) {

	public static final HallCalendar NONE = new HallCalendar(Map.of(), Set.of());

	public HallCalendar {
		holidays = Map.copyOf(holidays);
		workedWeekends = Set.copyOf(workedWeekends);
	}

	boolean isHoliday(LocalDate date) {
		return this.holidays.containsKey(date);
	}

	/** The weekday whose hours apply: a worked weekend keeps a Monday's hours (the usual 调休 arrangement). */
	DayOfWeek scheduleDay(LocalDate date) {
		return this.workedWeekends.contains(date) ? DayOfWeek.MONDAY : date.getDayOfWeek();
	}

}
