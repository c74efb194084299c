package cn.tongban.hall;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/** One opening period on the given weekdays, e.g. Monday to Friday 09:00–12:00 (a lunch break is two sessions). */
public record Session(Set<DayOfWeek> days, LocalTime opens, LocalTime closes, String note) {

	public Session {
		days = Set.copyOf(days);
		if (days.isEmpty() || !opens.isBefore(closes)) {
			throw new IllegalArgumentException("a session needs days and opens before it closes: " + days + " " + opens + "–" + closes);
		}
	}

}
