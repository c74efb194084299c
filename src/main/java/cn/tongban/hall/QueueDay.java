package cn.tongban.hall;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 叫号: one window group's queue at one hall on one day, tickets in issue order. One document, so
 * issuing takes the next number by a conditional update on {@code issued} and calling takes the
 * next ticket by one on {@code called}: two windows calling at once never get the same ticket.
 */
@Document("queue_days")
record QueueDay(@Id String id, String hallCode, String windowGroup, String date, int issued, int called, List<Ticket> tickets) {

	/** Tickets a group issues per day at most (A001–A999). */
	static final int MAX_TICKETS = 999;

	static String idOf(String hallCode, String windowGroup, LocalDate date) {
		return hallCode + "|" + windowGroup + "|" + date;
	}

	/** A queue ticket; {@code secret} makes its id unguessable, so the id alone lets its holder follow it. */
	record Ticket(int seq, String number, String secret, Kind kind, String bookingId, String holderId, Instant issuedAt,
			Status status, Instant calledAt, String window, String calledBy, int recalls) {

		enum Kind {

			APPOINTMENT, WALK_IN

		}

		enum Status {

			WAITING, CALLED, NO_SHOW

		}

	}

	Ticket ticket(int seq) {
		return (seq >= 1 && seq <= this.tickets.size()) ? this.tickets.get(seq - 1) : null;
	}

	Ticket byNumber(String number) {
		return this.tickets.stream().filter((t) -> t.number().equals(number)).findFirst().orElse(null);
	}

	Ticket byBooking(String bookingId) {
		return this.tickets.stream().filter((t) -> bookingId.equals(t.bookingId())).findFirst().orElse(null);
	}

}
