package cn.tongban.hall;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A resident's open appointments, for the fair-use limit (at most {@link Appointments#MAX_OPEN}):
 * a place in the ledger is reserved by one conditional update before the slot's place is taken,
 * and given back when the slot is full or the appointment cancelled. A reservation whose slot never
 * got the booking (a crash between the two writes) is found and given back by the next booking that
 * meets the limit. {@code noShows} are the starts of appointments not attended (see {@link FairUse}).
 */
@Document("appointment_ledgers")
record AppointmentLedger(@Id String holderId, List<Entry> open, List<Instant> noShows) {

	record Entry(String bookingId, String slotId, Instant startsAt, Instant reservedAt) {
	}

	Entry entry(String bookingId) {
		return (this.open == null) ? null : this.open.stream().filter((e) -> e.bookingId().equals(bookingId)).findFirst().orElse(null);
	}

}
