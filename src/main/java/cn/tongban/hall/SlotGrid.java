package cn.tongban.hall;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.tongban.platform.ChinaTime;

/**
 * Which appointment slots a hall offers: every half hour of its sessions (the last one ending by
 * closing time), from {@link #LEAD} after now to the end of the {@link #DAYS_AHEAD}th day. Pure.
 */
final class SlotGrid {

	static final Duration LENGTH = Duration.ofMinutes(30);

	/** How long before a slot it can still be booked: time to get there. */
	static final Duration LEAD = Duration.ofMinutes(30);

	static final int DAYS_AHEAD = 7;

	private SlotGrid() {
	}

	/** The slot starts of one date, in order. */
	static List<LocalDateTime> startsOn(LocalDate date, OpeningHours hours, HallCalendar calendar) {
		List<LocalDateTime> starts = new ArrayList<>();
		for (Session session : hours.on(date, calendar)) {
			for (LocalTime t = session.opens(); !t.plus(LENGTH).isAfter(session.closes()) && !t.plus(LENGTH).equals(LocalTime.MIDNIGHT);
					t = t.plus(LENGTH)) {
				starts.add(date.atTime(t));
			}
		}
		return starts;
	}

	/** The last date that can be booked. */
	static LocalDate lastDay(Instant now) {
		return LocalDate.ofInstant(now, ChinaTime.ZONE).plusDays(DAYS_AHEAD);
	}

	/** Whether {@code startsAt} is a slot a resident may book now; empty when it is, else why not. */
	static Optional<String> refusal(Instant startsAt, OpeningHours hours, HallCalendar calendar, Instant now) {
		LocalDateTime local = LocalDateTime.ofInstant(startsAt, ChinaTime.ZONE);
		if (startsAt.isBefore(now.plus(LEAD))) {
			return Optional.of("须提前 " + LEAD.toMinutes() + " 分钟预约 (book at least " + LEAD.toMinutes() + " minutes ahead)");
		}
		if (local.toLocalDate().isAfter(lastDay(now))) {
			return Optional.of("最多预约 " + DAYS_AHEAD + " 天内 (at most " + DAYS_AHEAD + " days ahead)");
		}
		if (!startsOn(local.toLocalDate(), hours, calendar).contains(local)) {
			return Optional.of("不是该大厅的预约时段 (not one of the hall's slots)");
		}
		return Optional.empty();
	}

}
