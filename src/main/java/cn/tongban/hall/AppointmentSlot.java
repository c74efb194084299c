package cn.tongban.hall;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One half-hour of one window group of one hall, and the appointments in it: one document, so a
 * booking is one conditional update (a place is taken only while {@code booked < capacity}) and a
 * slot can never be overbooked, however many residents book at once. Created on first booking.
 */
@Document("appointment_slots")
record AppointmentSlot(@Id String id, String hallCode, String windowGroup, Instant startsAt, Instant endsAt, int capacity,
		int booked, List<Booking> bookings) {

	/** One resident's appointment in the slot; {@code number} is what they give at the hall (预约号). */
	record Booking(String id, String number, String holderId, String itemCode, Instant bookedAt) {
	}

	static String idOf(String hallCode, String windowGroup, Instant startsAt) {
		return hallCode + "|" + windowGroup + "|" + startsAt;
	}

	Booking booking(String bookingId) {
		return (this.bookings == null) ? null
				: this.bookings.stream().filter((b) -> b.id().equals(bookingId)).findFirst().orElse(null);
	}

}
