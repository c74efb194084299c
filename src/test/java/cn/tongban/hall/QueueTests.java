package cn.tongban.hall;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.tongban.platform.ChinaTime;
import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.security.Role;
import cn.tongban.platform.security.Subject;
import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.ShiftedClock;
import cn.tongban.support.ShiftedTime;
import cn.tongban.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static cn.tongban.support.GraphQlErrors.firstError;
import static org.assertj.core.api.Assertions.assertThat;

/** 叫号 through GraphQL on a moved clock: check-in by number and by code, walk-ins, calling, recall, no-shows, fair use. */
@GraphQlIntegrationTest
@TestPropertySource(properties = { "tongban.mongodb.embedded.database=applications", "tongban.application.follow-up-interval=1h" })
@Import(ShiftedTime.class)
class QueueTests {

	static final String KIOSK = "terminal-kiosk-370213-c-01";

	static final String TICKET = "ticket { id number kind status peopleAhead estimatedWaitMinutes window hall { code } windowGroup { code } }";

	static final String CHECK_IN = "mutation($n: String, $c: String) { checkInAppointment(input: {appointmentNumber: $n, code: $c}) { " + TICKET + " } }";

	static final String WALK_IN = "mutation($g: ID!) { takeQueueTicket(input: {windowGroup: $g}) { " + TICKET + " } }";

	static final String CALL = "mutation($g: ID!, $w: String!) { callNextTicket(input: {hall: \"370213-C\", windowGroup: $g, window: $w}) { " + TICKET + " } }";

	static final String NO_SHOW = "mutation($g: ID!, $n: String!) { markTicketNoShow(input: {hall: \"370213-C\", windowGroup: $g, number: $n}) { " + TICKET + " } }";

	@Autowired
	Tokens tokens;

	@Autowired
	ShiftedClock clock;

	@Autowired
	Queue queue;

	@Autowired
	Appointments appointments;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void anAppointmentIsCheckedInByNumberThenCalledBeforeTheWalkInsBehindIt() {
		// a Tuesday two weeks ahead: this test's own queue day
		LocalDate day = LocalDate.now(ChinaTime.ZONE).plusWeeks(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
		shiftTo(day.atTime(9, 5));
		GraphQlTester resident = this.tokens.as(this.tokens.resident("13800000006"));
		String number = book(resident, day.atTime(10, 30), "queue-by-number");
		GraphQlTester kiosk = this.tokens.as(this.tokens.client(KIOSK, "terminal-demo-secret"));

		// too early: more than an hour before
		firstError(kiosk.document(CHECK_IN).variable("n", number).execute(), "NO_APPOINTMENT_TO_CHECK_IN", "input.appointmentNumber");
		shiftTo(day.atTime(9, 45));
		var checkedIn = kiosk.document(CHECK_IN).variable("n", number).execute();
		checkedIn.path("checkInAppointment.ticket.number").entity(String.class).isEqualTo("A001")
			.path("checkInAppointment.ticket.kind").entity(String.class).isEqualTo("APPOINTMENT")
			.path("checkInAppointment.ticket.peopleAhead").entity(Integer.class).isEqualTo(0);
		String ticketId = checkedIn.path("checkInAppointment.ticket.id").entity(String.class).get();
		// twice is the same ticket; checked in, it leaves my open appointments
		kiosk.document(CHECK_IN).variable("n", number).execute().path("checkInAppointment.ticket.id").entity(String.class).isEqualTo(ticketId);
		resident.document("{ myAppointments { id } }").execute().path("myAppointments").entityList(Object.class).hasSize(0);

		kiosk.document(WALK_IN).variable("g", "A").execute().path("takeQueueTicket.ticket.number").entity(String.class).isEqualTo("A002");
		kiosk.document(WALK_IN).variable("g", "A").execute()
			.path("takeQueueTicket.ticket.peopleAhead").entity(Integer.class).isEqualTo(2)
			// 2 ahead × 12 minutes ÷ 6 windows
			.path("takeQueueTicket.ticket.estimatedWaitMinutes").entity(Integer.class).isEqualTo(4);

		GraphQlTester window = this.tokens.as(this.tokens.staff("XZ"));
		window.document(CALL).variable("g", "A").variable("w", "03").execute()
			.path("callNextTicket.ticket.number").entity(String.class).isEqualTo("A001")
			.path("callNextTicket.ticket.window").entity(String.class).isEqualTo("03")
			.path("callNextTicket.ticket.status").entity(String.class).isEqualTo("CALLED");
		this.tokens.as(this.tokens.resident("13800000006")).document("query($id: ID!) { queueTicket(id: $id) { status window } }")
			.variable("id", ticketId).execute().path("queueTicket.window").entity(String.class).isEqualTo("03");
		this.tokens.as(this.tokens.staff("GA")).document(CALL).variable("g", "A").variable("w", "04").execute()
			.errors().satisfy((errors) -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "FORBIDDEN"));
		window.document("mutation { recallTicket(input: {hall: \"370213-C\", windowGroup: \"A\", number: \"A001\"}) { ticket { number } } }").execute()
			.path("recallTicket.ticket.number").entity(String.class).isEqualTo("A001");
		firstError(window.document("mutation { recallTicket(input: {hall: \"370213-C\", windowGroup: \"A\", number: \"A003\"}) { ticket { number } } }").execute(),
				"TICKET_NOT_CALLED", "input.number");
		this.tokens.as(this.tokens.resident("13800000007")).document("{ hallQueue(hall: \"370213-C\") { windowGroup waiting lastCalledNumber lastCalledWindow } }").execute()
			.path("hallQueue[0].waiting").entity(Integer.class).isEqualTo(2)
			.path("hallQueue[0].lastCalledNumber").entity(String.class).isEqualTo("A001");
		firstError(this.tokens.as(this.tokens.resident("13800000007")).document("query($id: ID!) { queueTicket(id: $id) { status } }")
			.variable("id", ticketId.substring(0, ticketId.length() - 3) + "abc").execute(), "TICKET_NOT_FOUND", "ticketId");
	}

	@Test
	void theResidentCodeChecksInWithoutTellingTheKioskWhoItIs() {
		LocalDate day = LocalDate.now(ChinaTime.ZONE).plusWeeks(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY));
		shiftTo(day.atTime(13, 35));
		GraphQlTester resident = this.tokens.as(this.tokens.resident("13800000007"));
		book(resident, day.atTime(14, 30), "queue-by-code");
		shiftTo(day.atTime(14, 20));
		String code = resident.document("mutation { issueResidentCode { code } }").execute()
			.path("issueResidentCode.code").entity(String.class).get();
		GraphQlTester kiosk = this.tokens.as(this.tokens.client(KIOSK, "terminal-demo-secret"));
		kiosk.document(CHECK_IN).variable("c", code).execute()
			.path("checkInAppointment.ticket.kind").entity(String.class).isEqualTo("APPOINTMENT");
		// a kiosk of no hall, and a counter terminal, are refused
		firstError(this.tokens.as(this.tokens.client("terminal-counter-xz-01", "terminal-demo-secret")).document(WALK_IN).variable("g", "A").execute(),
				"NOT_A_HALL_KIOSK");
		firstError(kiosk.document(CHECK_IN).execute(), "INVALID_ARGUMENT", "input");
		// someone with no appointment here
		String other = this.tokens.as(this.tokens.resident("13800000004")).document("mutation { issueResidentCode { code } }").execute()
			.path("issueResidentCode.code").entity(String.class).get();
		firstError(kiosk.document(CHECK_IN).variable("c", other).execute(), "NO_APPOINTMENT_TO_CHECK_IN", "input.code");
	}

	@Test
	void twoWindowsCallingAtOnceNeverGetTheSameTicket() throws Exception {
		LocalDate day = LocalDate.now(ChinaTime.ZONE).plusWeeks(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.THURSDAY));
		shiftTo(day.atTime(10, 0));
		Subject kiosk = new Subject("kiosk", java.util.Set.of(Role.TERMINAL), KIOSK, null, null, "HALL_CHECK_IN", List.of(), null);
		for (int i = 0; i < 30; i++) {
			this.queue.takeWalkIn(kiosk, "B");
		}
		Subject staff = new Subject("window-staff", java.util.Set.of(Role.STAFF), "tongban-console", "XZ", null, null, List.of(), null);
		List<String> called = Collections.synchronizedList(new ArrayList<>());
		ExecutorService windows = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (String window : List.of("01", "02")) {
				running.add(windows.submit(() -> {
					Queue.TicketView next;
					while ((next = this.queue.callNext(staff, "370213-C", "B", window)) != null) {
						called.add(next.number());
					}
				}));
			}
			for (Future<?> each : running) {
				each.get();
			}
		}
		finally {
			windows.shutdownNow();
		}
		assertThat(called).hasSize(30).doesNotHaveDuplicates();
	}

	@Test
	void threeMissedAppointmentsBlockBooking() {
		LocalDate day = LocalDate.now(ChinaTime.ZONE).plusWeeks(3).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		shiftTo(day.atTime(8, 0));
		String holder = "fair-use-holder";
		for (int i = 0; i < 3; i++) {
			Instant at = day.atTime(9 + i, 0).atZone(ChinaTime.ZONE).toInstant();
			this.appointments.book(holder, "370213-C", "A", at, null, "miss-" + i);
		}
		// the day after: none was attended
		shiftTo(day.plusDays(1).atTime(8, 0));
		Instant tomorrow = day.plusDays(2).atTime(9, 0).atZone(ChinaTime.ZONE).toInstant();
		try {
			this.appointments.book(holder, "370213-C", "A", tomorrow, null, "after");
			throw new AssertionError("booking was not blocked");
		}
		catch (ApiException blocked) {
			assertThat(blocked.code()).isEqualTo(HallError.APPOINTMENTS_BLOCKED);
		}
	}

	private String book(GraphQlTester resident, LocalDateTime at, String key) {
		return resident.document("mutation($at: DateTime!, $k: String!) { bookAppointment(input: {hall: \"370213-C\", windowGroup: \"A\", startsAt: $at, idempotencyKey: $k}) { appointment { number } } }")
			.variable("at", at.atZone(ChinaTime.ZONE).toOffsetDateTime().toString())
			.variable("k", key)
			.execute()
			.path("bookAppointment.appointment.number")
			.entity(String.class)
			.get();
	}

	private void shiftTo(LocalDateTime chinaTime) {
		this.clock.reset();
		this.clock.shift(Duration.between(this.clock.instant(), chinaTime.atZone(ChinaTime.ZONE).toInstant()));
	}

}
