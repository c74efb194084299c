package cn.tongban.hall;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntFunction;

import cn.tongban.code.ScannedHolders;
import cn.tongban.platform.ChinaTime;
import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.PlatformError;
import cn.tongban.platform.security.Role;
import cn.tongban.platform.security.Subject;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * 叫号: check-in at a hall's kiosk (by 预约号 or by scanning the resident code) and walk-in tickets,
 * calling the next ticket, recalling one and marking a no-show. Each change is one conditional
 * update of the day's queue document, retried when another window or kiosk changed it first.
 */
@Service
public class Queue {

	/** The department whose staff work the halls' windows (行政审批服务局: 综合受理). */
	static final String HALL_DEPARTMENT = "XZ";

	private static final int ATTEMPTS = 20;

	private final MongoTemplate mongo;

	private final HallDirectory halls;

	private final Appointments appointments;

	private final ScannedHolders scans;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	Queue(MongoTemplate mongo, HallDirectory halls, Appointments appointments, ScannedHolders scans, Clock clock) {
		this.mongo = mongo;
		this.halls = halls;
		this.appointments = appointments;
		this.scans = scans;
		this.clock = clock;
	}

	/** A ticket as its holder and the hall see it. */
	public record TicketView(String id, String number, String hallCode, String windowGroup, QueueDay.Ticket.Kind kind,
			QueueDay.Ticket.Status status, Instant issuedAt, Integer peopleAhead, Integer estimatedWaitMinutes,
			Instant calledAt, String window, String appointmentId) {
	}

	/** A window group's queue now, for the hall's display. */
	public record GroupQueue(String windowGroup, int waiting, String lastCalledNumber, String lastCalledWindow) {
	}

	/** The kiosk's resident checks in by 预约号. */
	public TicketView checkInByNumber(Subject kiosk, String number) {
		ServiceHall hall = hallOf(kiosk);
		Appointments.Appointment appointment = this.appointments.checkIn(hall.code(), null, number)
			.orElseThrow(() -> ApiException.onField("input.appointmentNumber", HallError.NO_APPOINTMENT_TO_CHECK_IN));
		return issue(hall, appointment.windowGroup(), QueueDay.Ticket.Kind.APPOINTMENT, appointment.id(), appointment.holderId());
	}

	/** The kiosk scans the resident code (scenario HALL_CHECK_IN): the holder's appointment here now, nothing disclosed. */
	public TicketView checkInByCode(Subject kiosk, String code) {
		ServiceHall hall = hallOf(kiosk);
		String holderId = this.scans.holderOf(kiosk, code);
		Appointments.Appointment appointment = this.appointments.checkIn(hall.code(), holderId, null)
			.orElseThrow(() -> ApiException.onField("input.code", HallError.NO_APPOINTMENT_TO_CHECK_IN));
		return issue(hall, appointment.windowGroup(), QueueDay.Ticket.Kind.APPOINTMENT, appointment.id(), holderId);
	}

	/** A walk-in's ticket from the kiosk. */
	public TicketView takeWalkIn(Subject kiosk, String groupCode) {
		ServiceHall hall = hallOf(kiosk);
		group(hall, groupCode);
		return issue(hall, groupCode, QueueDay.Ticket.Kind.WALK_IN, null, null);
	}

	/** The next waiting ticket to this window; null when nobody waits. Two windows never get the same ticket. */
	public TicketView callNext(Subject staff, String hallCode, String groupCode, String window) {
		requireHallStaff(staff);
		ServiceHall hall = hall(hallCode);
		WindowGroup group = group(hall, groupCode);
		String id = QueueDay.idOf(hallCode, groupCode, today());
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			QueueDay day = this.mongo.findById(id, QueueDay.class);
			if (day == null || day.called() >= day.issued()) {
				return null;
			}
			int index = day.called();
			Instant now = this.clock.instant();
			Update call = new Update().set("called", index + 1)
				.set("tickets." + index + ".status", QueueDay.Ticket.Status.CALLED)
				.set("tickets." + index + ".calledAt", now)
				.set("tickets." + index + ".window", window)
				.set("tickets." + index + ".calledBy", staff.id());
			if (this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("called").is(index)), call, QueueDay.class)
				.getModifiedCount() == 1) {
				QueueDay after = this.mongo.findById(id, QueueDay.class);
				return view(after, after.ticket(index + 1), group);
			}
		}
		throw new ApiException(PlatformError.SERVICE_UNAVAILABLE);
	}

	/** Calls a called ticket again (its holder did not come yet). */
	public TicketView recall(Subject staff, String hallCode, String groupCode, String number) {
		requireHallStaff(staff);
		return changeCalled(hallCode, groupCode, number, (index) -> new Update().inc("tickets." + index + ".recalls", 1)).view();
	}

	/** The called ticket's holder did not come: a no-show, which counts against an appointment's holder. */
	public TicketView markNoShow(Subject staff, String hallCode, String groupCode, String number) {
		requireHallStaff(staff);
		Changed marked = changeCalled(hallCode, groupCode, number,
				(index) -> new Update().set("tickets." + index + ".status", QueueDay.Ticket.Status.NO_SHOW));
		if (marked.ticket().holderId() != null) {
			this.appointments.recordNoShow(marked.ticket().holderId(), this.clock.instant());
		}
		return marked.view();
	}

	/** A ticket by its id (what the kiosk printed or the app got): anyone holding the id may follow it. */
	public TicketView ticket(String ticketId) {
		TicketRef ref = TicketRef.parse(ticketId);
		QueueDay day = (ref != null) ? this.mongo.findById(ref.dayId(), QueueDay.class) : null;
		QueueDay.Ticket ticket = (day != null) ? day.ticket(ref.seq()) : null;
		if (ticket == null || !ticket.secret().equals(ref.secret())) {
			throw ApiException.onField("ticketId", HallError.TICKET_NOT_FOUND, ticketId);
		}
		ServiceHall hall = hall(day.hallCode());
		return view(day, ticket, group(hall, day.windowGroup()));
	}

	/** Each window group's queue today. */
	public List<GroupQueue> today(String hallCode) {
		ServiceHall hall = hall(hallCode);
		return hall.windowGroups().stream().map((group) -> {
			QueueDay day = this.mongo.findById(QueueDay.idOf(hallCode, group.code(), today()), QueueDay.class);
			if (day == null) {
				return new GroupQueue(group.code(), 0, null, null);
			}
			QueueDay.Ticket last = day.ticket(day.called());
			return new GroupQueue(group.code(), day.issued() - day.called(), (last != null) ? last.number() : null,
					(last != null) ? last.window() : null);
		}).toList();
	}

	/** A called ticket after a change, as shown and as stored. */
	private record Changed(TicketView view, QueueDay.Ticket ticket) {
	}

	private Changed changeCalled(String hallCode, String groupCode, String number,
			IntFunction<Update> change) {
		ServiceHall hall = hall(hallCode);
		WindowGroup group = group(hall, groupCode);
		String id = QueueDay.idOf(hallCode, groupCode, today());
		QueueDay day = this.mongo.findById(id, QueueDay.class);
		QueueDay.Ticket ticket = (day != null) ? day.byNumber(number) : null;
		if (ticket == null) {
			throw ApiException.onField("input.number", HallError.TICKET_NOT_FOUND, number);
		}
		int index = ticket.seq() - 1;
		Query stillCalled = Query.query(Criteria.where("_id").is(id).and("tickets." + index + ".status").is(QueueDay.Ticket.Status.CALLED));
		if (this.mongo.updateFirst(stillCalled, change.apply(index), QueueDay.class).getModifiedCount() != 1) {
			throw ApiException.onField("input.number", HallError.TICKET_NOT_CALLED, number);
		}
		QueueDay after = this.mongo.findById(id, QueueDay.class);
		QueueDay.Ticket changed = after.ticket(ticket.seq());
		return new Changed(view(after, changed, group), changed);
	}

	private TicketView issue(ServiceHall hall, String groupCode, QueueDay.Ticket.Kind kind, String bookingId, String holderId) {
		WindowGroup group = group(hall, groupCode);
		LocalDate date = today();
		String id = QueueDay.idOf(hall.code(), groupCode, date);
		this.mongo.upsert(Query.query(Criteria.where("_id").is(id)),
				new Update().setOnInsert("hallCode", hall.code())
					.setOnInsert("windowGroup", groupCode)
					.setOnInsert("date", date.toString())
					.setOnInsert("issued", 0)
					.setOnInsert("called", 0)
					.setOnInsert("tickets", List.of()),
				QueueDay.class);
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			QueueDay day = this.mongo.findById(id, QueueDay.class);
			QueueDay.Ticket existing = (bookingId != null) ? day.byBooking(bookingId) : null;
			if (existing != null) {
				return view(day, existing, group);
			}
			if (day.issued() >= QueueDay.MAX_TICKETS) {
				throw ApiException.onField("input", HallError.QUEUE_FULL, QueueDay.MAX_TICKETS);
			}
			int seq = day.issued() + 1;
			QueueDay.Ticket ticket = new QueueDay.Ticket(seq, groupCode + String.format("%03d", seq), secret(), kind, bookingId,
					holderId, this.clock.instant(), QueueDay.Ticket.Status.WAITING, null, null, null, 0);
			if (this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("issued").is(day.issued())),
					new Update().set("issued", seq).push("tickets", ticket), QueueDay.class).getModifiedCount() == 1) {
				QueueDay after = this.mongo.findById(id, QueueDay.class);
				return view(after, ticket, group);
			}
		}
		throw new ApiException(PlatformError.SERVICE_UNAVAILABLE);
	}

	private static TicketView view(QueueDay day, QueueDay.Ticket ticket, WindowGroup group) {
		Integer ahead = null;
		Integer wait = null;
		if (ticket.status() == QueueDay.Ticket.Status.WAITING) {
			ahead = Math.max(0, ticket.seq() - 1 - day.called());
			wait = (int) Math.ceil((double) ahead * group.serviceMinutes() / group.windows());
		}
		String id = new TicketRef(day.id(), ticket.seq(), ticket.secret()).encode();
		return new TicketView(id, ticket.number(), day.hallCode(), day.windowGroup(), ticket.kind(), ticket.status(),
				ticket.issuedAt(), ahead, wait, ticket.calledAt(), ticket.window(), ticket.bookingId());
	}

	private ServiceHall hallOf(Subject kiosk) {
		return this.halls.kioskHall(kiosk.clientId())
			.orElseThrow(() -> new ApiException(HallError.NOT_A_HALL_KIOSK));
	}

	private static void requireHallStaff(Subject staff) {
		if (!staff.roles().contains(Role.ADMIN) && !HALL_DEPARTMENT.equals(staff.departmentCode())) {
			throw new ApiException(PlatformError.FORBIDDEN);
		}
	}

	private ServiceHall hall(String code) {
		return this.halls.require(code, "input.hall");
	}

	private static WindowGroup group(ServiceHall hall, String code) {
		return HallDirectory.requireGroup(hall, code, "input.windowGroup");
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ChinaTime.ZONE);
	}

	private String secret() {
		byte[] bytes = new byte[8];
		this.random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/** What a ticket id holds: the queue day, the position and the secret, base64url-encoded. */
	record TicketRef(String dayId, int seq, String secret) {

		String encode() {
			return "tkt_" + Base64.getUrlEncoder().withoutPadding()
				.encodeToString((this.dayId + "#" + this.seq + "#" + this.secret).getBytes(StandardCharsets.UTF_8));
		}

		static TicketRef parse(String id) {
			if (id == null || !id.startsWith("tkt_") || id.length() > 200) {
				return null;
			}
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(id.substring(4)), StandardCharsets.UTF_8).split("#");
				return (parts.length == 3) ? new TicketRef(parts[0], Integer.parseInt(parts[1]), parts[2]) : null;
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

	}

}
