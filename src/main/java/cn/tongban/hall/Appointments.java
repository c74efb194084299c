package cn.tongban.hall;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.tongban.platform.ChinaTime;
import cn.tongban.platform.graphql.ApiException;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * 预约: booking, rescheduling and cancelling half-hour slots at a hall's window group. No slot is
 * ever overbooked (one conditional update on the slot's document) and no resident holds more than
 * {@link #MAX_OPEN} open appointments (one conditional update on their ledger, reserved first).
 */
@Service
public class Appointments {

	static final int MAX_OPEN = 3;

	static final Duration CHECK_IN_BEFORE = Duration.ofMinutes(60);

	static final Duration CHECK_IN_AFTER = Duration.ofMinutes(15);

	/** A ledger reservation older than this whose slot lacks the booking is a crash's leftover. */
	private static final Duration LEFTOVER_AGE = Duration.ofMinutes(1);

	private final MongoTemplate mongo;

	private final HallDirectory halls;

	private final Clock clock;

	Appointments(MongoTemplate mongo, HallDirectory halls, Clock clock) {
		this.mongo = mongo;
		this.halls = halls;
		this.clock = clock;
	}

	/** An appointment as the resident sees it ({@code holderId} is not published). */
	public record Appointment(String id, String number, String holderId, String hallCode, String windowGroup,
			Instant startsAt, Instant endsAt, String itemCode, Instant bookedAt, Status status) {

		public enum Status {

			BOOKED, CANCELLED

		}

	}

	/** A slot with how many places are left. */
	public record Slot(Instant startsAt, Instant endsAt, int capacity, int available) {
	}

	/** The slots of {@code days} days from {@code from} (today when null) still bookable now. */
	public List<Slot> slots(String hallCode, String groupCode, LocalDate from, int days) {
		ServiceHall hall = hall(hallCode);
		WindowGroup group = group(hall, groupCode);
		Instant now = this.clock.instant();
		LocalDate first = (from != null) ? from : LocalDate.ofInstant(now, ChinaTime.ZONE);
		LocalDate last = first.plusDays(days - 1L);
		if (last.isAfter(SlotGrid.lastDay(now))) {
			last = SlotGrid.lastDay(now);
		}
		List<Instant> starts = new ArrayList<>();
		for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
			for (LocalDateTime start : SlotGrid.startsOn(date, hall.hours(), this.halls.calendar())) {
				Instant instant = start.atZone(ChinaTime.ZONE).toInstant();
				if (!instant.isBefore(now.plus(SlotGrid.LEAD))) {
					starts.add(instant);
				}
			}
		}
		List<String> ids = starts.stream().map((s) -> AppointmentSlot.idOf(hallCode, groupCode, s)).toList();
		Map<String, AppointmentSlot> stored = this.mongo.find(Query.query(Criteria.where("_id").in(ids)), AppointmentSlot.class)
			.stream()
			.collect(Collectors.toMap(AppointmentSlot::id, Function.identity()));
		return starts.stream().map((start) -> {
			AppointmentSlot slot = stored.get(AppointmentSlot.idOf(hallCode, groupCode, start));
			int booked = (slot != null) ? slot.booked() : 0;
			return new Slot(start, start.plus(SlotGrid.LENGTH), group.slotCapacity(), Math.max(0, group.slotCapacity() - booked));
		}).toList();
	}

	/** Books a place; the same holder and idempotency key give back the same appointment. */
	public Appointment book(String holderId, String hallCode, String groupCode, Instant startsAt, String itemCode,
			String idempotencyKey) {
		return book(holderId, hallCode, groupCode, startsAt, itemCode, bookingId(holderId, idempotencyKey), MAX_OPEN);
	}

	/** Moves an open appointment to another slot of the same hall and window group: the new place is taken before the old one is given back. */
	public Appointment reschedule(String holderId, String appointmentId, Instant startsAt) {
		AppointmentLedger.Entry entry = openEntry(holderId, appointmentId);
		AppointmentSlot old = requireNotStarted(entry);
		// the old appointment still counts while the new one is taken, so the limit is one higher
		Appointment moved = book(holderId, old.hallCode(), old.windowGroup(), startsAt, old.booking(appointmentId).itemCode(),
				bookingId(holderId, appointmentId + "→" + startsAt), MAX_OPEN + 1);
		release(holderId, entry);
		return moved;
	}

	public Appointment cancel(String holderId, String appointmentId) {
		AppointmentLedger.Entry entry = openEntry(holderId, appointmentId);
		AppointmentSlot slot = requireNotStarted(entry);
		AppointmentSlot.Booking booking = slot.booking(appointmentId);
		release(holderId, entry);
		return view(slot, booking, Appointment.Status.CANCELLED);
	}

	/** The holder's open appointments, soonest first. */
	public List<Appointment> open(String holderId) {
		AppointmentLedger ledger = this.mongo.findById(holderId, AppointmentLedger.class);
		if (ledger == null || ledger.open() == null || ledger.open().isEmpty()) {
			return List.of();
		}
		List<String> slotIds = ledger.open().stream().map(AppointmentLedger.Entry::slotId).distinct().toList();
		Map<String, AppointmentSlot> slots = this.mongo.find(Query.query(Criteria.where("_id").in(slotIds)), AppointmentSlot.class)
			.stream()
			.collect(Collectors.toMap(AppointmentSlot::id, Function.identity()));
		List<Appointment> open = new ArrayList<>();
		for (AppointmentLedger.Entry entry : ledger.open()) {
			AppointmentSlot slot = slots.get(entry.slotId());
			AppointmentSlot.Booking booking = (slot != null) ? slot.booking(entry.bookingId()) : null;
			if (booking != null && slot.endsAt().isAfter(this.clock.instant())) {
				open.add(view(slot, booking, Appointment.Status.BOOKED));
			}
		}
		open.sort(Comparator.comparing(Appointment::startsAt));
		return open;
	}

	private Appointment book(String holderId, String hallCode, String groupCode, Instant startsAt, String itemCode,
			String bookingId, int limit) {
		ServiceHall hall = hall(hallCode);
		WindowGroup group = group(hall, groupCode);
		Instant now = this.clock.instant();
		String slotId = AppointmentSlot.idOf(hallCode, groupCode, startsAt);
		AppointmentSlot existing = this.mongo.findById(slotId, AppointmentSlot.class);
		if (existing != null && existing.booking(bookingId) != null) {
			return view(existing, existing.booking(bookingId), Appointment.Status.BOOKED);
		}
		SlotGrid.refusal(startsAt, hall.hours(), this.halls.calendar(), now).ifPresent((why) -> {
			throw ApiException.onField("input.startsAt", HallError.SLOT_NOT_OFFERED, why);
		});
		reserve(holderId, new AppointmentLedger.Entry(bookingId, slotId, startsAt, now), limit, now);
		AppointmentSlot.Booking booking = new AppointmentSlot.Booking(bookingId, numberOf(bookingId), holderId, itemCode, now);
		ensureSlot(slotId, hallCode, groupCode, startsAt, group.slotCapacity());
		Query placeLeft = Query.query(Criteria.where("_id").is(slotId)
			.and("bookings.id").ne(bookingId)
			.and("booked").lt(group.slotCapacity()));
		AppointmentSlot taken = this.mongo.findAndModify(placeLeft, new Update().inc("booked", 1).push("bookings", booking),
				FindAndModifyOptions.options().returnNew(true), AppointmentSlot.class);
		if (taken == null) {
			AppointmentSlot full = this.mongo.findById(slotId, AppointmentSlot.class);
			if (full != null && full.booking(bookingId) != null) {
				return view(full, full.booking(bookingId), Appointment.Status.BOOKED);
			}
			unreserve(holderId, bookingId);
			throw ApiException.onField("input.startsAt", HallError.SLOT_FULL);
		}
		return view(taken, booking, Appointment.Status.BOOKED);
	}

	private void reserve(String holderId, AppointmentLedger.Entry entry, int limit, Instant now) {
		Query ledger = Query.query(Criteria.where("_id").is(holderId));
		this.mongo.upsert(ledger, new Update().setOnInsert("open", List.of()).setOnInsert("noShows", List.of()),
				AppointmentLedger.class);
		Instant blockedUntil = FairUse.blockedUntil(settleEnded(holderId, now));
		if (blockedUntil != null && blockedUntil.isAfter(now)) {
			throw ApiException.onField("input", HallError.APPOINTMENTS_BLOCKED,
					LocalDate.ofInstant(blockedUntil, ChinaTime.ZONE));
		}
		for (int attempt = 0; attempt < 2; attempt++) {
			Query roomLeft = Query.query(Criteria.where("_id").is(holderId)
				.and("open." + (limit - 1)).exists(false)
				.and("open.bookingId").ne(entry.bookingId()));
			if (this.mongo.updateFirst(roomLeft, new Update().push("open", entry), AppointmentLedger.class).getModifiedCount() == 1) {
				return;
			}
			AppointmentLedger current = this.mongo.findById(holderId, AppointmentLedger.class);
			if (current != null && current.entry(entry.bookingId()) != null) {
				return;
			}
			if (attempt == 0 && !giveBackLeftovers(holderId, current, now)) {
				break;
			}
		}
		throw ApiException.onField("input", HallError.APPOINTMENT_LIMIT, MAX_OPEN);
	}

	/**
	 * Takes the holder's ended appointments off the ledger: those still booked in their slot were
	 * not attended (a checked-in appointment leaves the ledger at check-in) and count as no-shows;
	 * the others were a crash's leftovers. Returns the holder's no-shows.
	 */
	private List<Instant> settleEnded(String holderId, Instant now) {
		AppointmentLedger ledger = this.mongo.findById(holderId, AppointmentLedger.class);
		if (ledger == null) {
			return List.of();
		}
		List<Instant> noShows = new ArrayList<>((ledger.noShows() != null) ? ledger.noShows() : List.of());
		List<AppointmentLedger.Entry> ended = (ledger.open() == null) ? List.of()
				: ledger.open().stream().filter((e) -> !e.startsAt().plus(SlotGrid.LENGTH).isAfter(now)).toList();
		if (ended.isEmpty()) {
			return noShows;
		}
		Map<String, AppointmentSlot> slots = this.mongo
			.find(Query.query(Criteria.where("_id").in(ended.stream().map(AppointmentLedger.Entry::slotId).toList())),
					AppointmentSlot.class)
			.stream()
			.collect(Collectors.toMap(AppointmentSlot::id, Function.identity()));
		List<Instant> missed = ended.stream()
			.filter((e) -> slots.containsKey(e.slotId()) && slots.get(e.slotId()).booking(e.bookingId()) != null)
			.map(AppointmentLedger.Entry::startsAt)
			.toList();
		Update settle = new Update().pull("open",
				Query.query(Criteria.where("bookingId").in(ended.stream().map(AppointmentLedger.Entry::bookingId).toList()))
					.getQueryObject());
		if (!missed.isEmpty()) {
			settle.push("noShows").slice(-FairUse.KEPT).each(missed.toArray());
		}
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(holderId)), settle, AppointmentLedger.class);
		noShows.addAll(missed);
		return noShows;
	}

	/** A called appointment ticket nobody answered (marked by staff) counts as a no-show. */
	void recordNoShow(String holderId, Instant startsAt) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(holderId)),
				new Update().push("noShows").slice(-FairUse.KEPT).each(startsAt), AppointmentLedger.class);
	}

	/**
	 * The holder's appointment at this hall that can be checked in now (from 60 minutes before its
	 * start to 15 minutes after), by the holder or by the 预约号; it leaves the ledger: attended.
	 */
	Optional<Appointment> checkIn(String hallCode, String holderId, String number) {
		Instant now = this.clock.instant();
		List<String> slotIds = new ArrayList<>();
		ServiceHall hall = hall(hallCode);
		LocalDate today = LocalDate.ofInstant(now, ChinaTime.ZONE);
		for (WindowGroup group : hall.windowGroups()) {
			for (LocalDateTime start : SlotGrid.startsOn(today, hall.hours(), this.halls.calendar())) {
				Instant at = start.atZone(ChinaTime.ZONE).toInstant();
				if (!now.isBefore(at.minus(CHECK_IN_BEFORE)) && !now.isAfter(at.plus(CHECK_IN_AFTER))) {
					slotIds.add(AppointmentSlot.idOf(hallCode, group.code(), at));
				}
			}
		}
		if (slotIds.isEmpty()) {
			return Optional.empty();
		}
		for (AppointmentSlot slot : this.mongo.find(Query.query(Criteria.where("_id").in(slotIds)), AppointmentSlot.class)) {
			for (AppointmentSlot.Booking booking : slot.bookings()) {
				if ((holderId != null && holderId.equals(booking.holderId())) || (number != null && number.equals(booking.number()))) {
					unreserve(booking.holderId(), booking.id());
					return Optional.of(view(slot, booking, Appointment.Status.BOOKED));
				}
			}
		}
		return Optional.empty();
	}

	/** Gives back reservations whose slot never got the booking; true when there was one. */
	private boolean giveBackLeftovers(String holderId, AppointmentLedger ledger, Instant now) {
		if (ledger == null || ledger.open() == null) {
			return false;
		}
		boolean any = false;
		for (AppointmentLedger.Entry entry : ledger.open()) {
			if (entry.reservedAt().isBefore(now.minus(LEFTOVER_AGE))) {
				AppointmentSlot slot = this.mongo.findById(entry.slotId(), AppointmentSlot.class);
				if (slot == null || slot.booking(entry.bookingId()) == null) {
					unreserve(holderId, entry.bookingId());
					any = true;
				}
			}
		}
		return any;
	}

	private void unreserve(String holderId, String bookingId) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(holderId)),
				new Update().pull("open", Query.query(Criteria.where("bookingId").is(bookingId)).getQueryObject()),
				AppointmentLedger.class);
	}

	private void release(String holderId, AppointmentLedger.Entry entry) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(entry.slotId()).and("bookings.id").is(entry.bookingId())),
				new Update().inc("booked", -1)
					.pull("bookings", Query.query(Criteria.where("id").is(entry.bookingId())).getQueryObject()),
				AppointmentSlot.class);
		unreserve(holderId, entry.bookingId());
	}

	private void ensureSlot(String slotId, String hallCode, String groupCode, Instant startsAt, int capacity) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(slotId)),
				new Update().setOnInsert("hallCode", hallCode)
					.setOnInsert("windowGroup", groupCode)
					.setOnInsert("startsAt", startsAt)
					.setOnInsert("endsAt", startsAt.plus(SlotGrid.LENGTH))
					.setOnInsert("capacity", capacity)
					.setOnInsert("booked", 0)
					.setOnInsert("bookings", List.of()),
				AppointmentSlot.class);
	}

	private AppointmentLedger.Entry openEntry(String holderId, String appointmentId) {
		AppointmentLedger ledger = this.mongo.findById(holderId, AppointmentLedger.class);
		AppointmentLedger.Entry entry = (ledger != null) ? ledger.entry(appointmentId) : null;
		if (entry == null) {
			throw ApiException.onField("input.appointmentId", HallError.APPOINTMENT_NOT_FOUND, appointmentId);
		}
		return entry;
	}

	private AppointmentSlot requireNotStarted(AppointmentLedger.Entry entry) {
		AppointmentSlot slot = this.mongo.findById(entry.slotId(), AppointmentSlot.class);
		if (slot == null || slot.booking(entry.bookingId()) == null) {
			throw ApiException.onField("input.appointmentId", HallError.APPOINTMENT_NOT_FOUND, entry.bookingId());
		}
		if (!slot.startsAt().isAfter(this.clock.instant())) {
			throw ApiException.onField("input.appointmentId", HallError.APPOINTMENT_STARTED);
		}
		return slot;
	}

	private ServiceHall hall(String code) {
		return this.halls.require(code, "hall");
	}

	private static WindowGroup group(ServiceHall hall, String code) {
		return HallDirectory.requireGroup(hall, code, "windowGroup");
	}

	private static Appointment view(AppointmentSlot slot, AppointmentSlot.Booking booking, Appointment.Status status) {
		return new Appointment(booking.id(), booking.number(), booking.holderId(), slot.hallCode(), slot.windowGroup(),
				slot.startsAt(), slot.endsAt(), booking.itemCode(), booking.bookedAt(), status);
	}

	/** The same holder and key always name the same appointment (a retried booking is not a second one). */
	static String bookingId(String holderId, String key) {
		return "apt_" + HexFormat.of().formatHex(sha256(holderId + "|" + key), 0, 10);
	}

	/** 预约号: eight digits from the id, what the resident gives at the hall. */
	static String numberOf(String bookingId) {
		long value = 0;
		for (byte b : sha256(bookingId)) {
			value = (value * 31 + (b & 0xff)) % 100_000_000L;
		}
		return String.format("%08d", value);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
