package cn.tongban.hall;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A hall's weekly hours and what it does on public holidays. Pure: every answer is about the
 * China-time instant it is given.
 */
public record OpeningHours(List<Session> sessions, HolidayService onHolidays) {

	/** How far ahead {@link #nextOpening} looks (a long holiday plus a weekend fits). */
	static final int LOOK_AHEAD_DAYS = 14;

	public OpeningHours {
		sessions = List.copyOf(sessions);
	}

	/** What a hall does on a public holiday. */
	public enum HolidayService {

		/** Closed. */
		CLOSED,

		/** Open at its weekday hours for booked appointments only (节假日预约服务). */
		APPOINTMENTS_ONLY

	}

	/**
	 * The sessions of one date, in time order: none on a holiday the hall is closed, a Monday's on a
	 * holiday it serves appointments.
	 */
	public List<Session> on(LocalDate date, HallCalendar calendar) {
		if (calendar.isHoliday(date) && this.onHolidays == HolidayService.CLOSED) {
			return List.of();
		}
		DayOfWeek day = calendar.isHoliday(date) ? DayOfWeek.MONDAY : calendar.scheduleDay(date);
		return this.sessions.stream()
			.filter((session) -> session.days().contains(day))
			.sorted(Comparator.comparing(Session::opens))
			.toList();
	}

	/** Whether a resident without an appointment is served now. */
	public boolean isOpen(LocalDateTime now, HallCalendar calendar) {
		if (calendar.isHoliday(now.toLocalDate())) {
			return false;
		}
		LocalTime time = now.toLocalTime();
		return on(now.toLocalDate(), calendar).stream()
			.anyMatch((session) -> !time.isBefore(session.opens()) && time.isBefore(session.closes()));
	}

	/** When the hall next opens to everyone, within {@link #LOOK_AHEAD_DAYS}; empty when open now or not within them. */
	public Optional<LocalDateTime> nextOpening(LocalDateTime now, HallCalendar calendar) {
		if (isOpen(now, calendar)) {
			return Optional.empty();
		}
		for (int d = 0; d <= LOOK_AHEAD_DAYS; d++) {
			LocalDate date = now.toLocalDate().plusDays(d);
			if (calendar.isHoliday(date)) {
				continue;
			}
			for (Session session : on(date, calendar)) {
				LocalDateTime opens = date.atTime(session.opens());
				if (opens.isAfter(now)) {
					return Optional.of(opens);
				}
			}
		}
		return Optional.empty();
	}

}
