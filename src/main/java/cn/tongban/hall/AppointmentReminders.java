package cn.tongban.hall;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import cn.tongban.message.MessageCentre;
import cn.tongban.message.MessageKind;
import cn.tongban.platform.ChinaTime;
import cn.tongban.platform.jobs.JobLeases;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 预约提醒: the day before, each appointment of tomorrow gets a message in its holder's inbox (and a
 * text message if they want reminders by SMS). The slots of tomorrow are found by their ids (every
 * hall's grid), never by a scan; the message id is the booking's, so a second run or a second
 * instance posts nothing twice. One instance at a time runs it ({@link JobLeases}).
 */
@Component
class AppointmentReminders {

	static final String JOB = "hall.appointment-reminders";

	private static final int IDS_PER_QUERY = 500;

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

	private final MongoTemplate mongo;

	private final HallDirectory halls;

	private final MessageCentre messages;

	private final JobLeases leases;

	private final Clock clock;

	AppointmentReminders(MongoTemplate mongo, HallDirectory halls, MessageCentre messages, JobLeases leases, Clock clock) {
		this.mongo = mongo;
		this.halls = halls;
		this.messages = messages;
		this.leases = leases;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${tongban.hall.reminder-interval:10m}", initialDelayString = "${tongban.hall.reminder-interval:10m}")
	void run() {
		this.leases.run(JOB, this::remindTomorrow);
	}

	/** Posts tomorrow's reminders not posted yet; returns how many were new. */
	int remindTomorrow() {
		LocalDate tomorrow = LocalDate.ofInstant(this.clock.instant(), ChinaTime.ZONE).plusDays(1);
		List<String> ids = new ArrayList<>();
		for (ServiceHall hall : this.halls.all()) {
			for (WindowGroup group : hall.windowGroups()) {
				for (LocalDateTime start : SlotGrid.startsOn(tomorrow, hall.hours(), this.halls.calendar())) {
					ids.add(AppointmentSlot.idOf(hall.code(), group.code(), start.atZone(ChinaTime.ZONE).toInstant()));
				}
			}
		}
		int posted = 0;
		for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
			List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
			for (AppointmentSlot slot : this.mongo.find(Query.query(Criteria.where("_id").in(chunk).and("booked").gt(0)),
					AppointmentSlot.class)) {
				for (AppointmentSlot.Booking booking : slot.bookings()) {
					posted += remind(slot, booking) ? 1 : 0;
				}
			}
		}
		return posted;
	}

	private boolean remind(AppointmentSlot slot, AppointmentSlot.Booking booking) {
		ServiceHall hall = this.halls.hall(slot.hallCode()).orElse(null);
		if (hall == null) {
			return false;
		}
		WindowGroup group = hall.windowGroup(slot.windowGroup());
		Instant at = slot.startsAt();
		String when = WHEN.format(LocalDateTime.ofInstant(at, ChinaTime.ZONE));
		return this.messages.post("appointment-reminder:" + booking.id(), booking.holderId(), MessageKind.APPOINTMENT,
				"明天 " + when + " " + hall.name() + "预约提醒",
				"您预约了" + hall.name() + (group != null ? "「" + group.name() + "」" : "") + " " + when + "，预约号 "
						+ booking.number() + "。请携带有效身份证件或居民码，提前到大厅取号机签到。如不能前往，请在通办 App 中取消预约。",
				"appointment:" + booking.id());
	}

}
