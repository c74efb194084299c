package cn.tongban.hall;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.tongban.platform.graphql.ApiException;
import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.ShiftedTime;
import cn.tongban.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static cn.tongban.support.GraphQlErrors.firstError;
import static org.assertj.core.api.Assertions.assertThat;

/** 预约 through GraphQL, and the two guarantees under concurrency: no overbooking, no fourth open appointment. */
@GraphQlIntegrationTest
@TestPropertySource(properties = { "tongban.mongodb.embedded.database=applications", "tongban.application.follow-up-interval=1h" })
@Import(ShiftedTime.class)
class AppointmentTests {

	static final String SLOTS = "query($h: ID!, $g: ID!) { appointmentSlots(hall: $h, windowGroup: $g) { startsAt capacity available } }";

	static final String BOOK = """
			mutation($h: ID!, $g: ID!, $at: DateTime!, $key: String!, $item: ID) {
			  bookAppointment(input: {hall: $h, windowGroup: $g, startsAt: $at, idempotencyKey: $key, item: $item}) {
			    appointment { id number status startsAt hall { code name } windowGroup { code name } item { code } }
			  }
			}""";

	static final String MINE = "{ myAppointments { id number startsAt hall { code } } }";

	@Autowired
	Tokens tokens;

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Appointments appointments;

	@Autowired
	HallDirectory directory;

	@Autowired
	MongoTemplate mongo;

	/** The halls made for a test leave with it: other tests of this context count the seeded ones. */
	@AfterEach
	void removeTestHalls() {
		this.mongo.remove(Query.query(Criteria.where("_id").regex("^370213-T")), ServiceHall.class);
		this.directory.reload();
	}

	@Test
	void bookRetryRescheduleAndCancel() {
		GraphQlTester resident = this.tokens.as(this.tokens.resident("13800000006"));
		List<String> slots = openSlots(resident, "370203-C", "A");
		assertThat(slots).hasSizeGreaterThan(3);

		var booked = resident.document(BOOK).variable("h", "370203-C").variable("g", "A").variable("at", slots.get(0))
			.variable("key", "book-1").execute();
		String id = booked.path("bookAppointment.appointment.id").entity(String.class).get();
		booked.path("bookAppointment.appointment.number").entity(String.class).matches((n) -> n.matches("\\d{8}"))
			.path("bookAppointment.appointment.status").entity(String.class).isEqualTo("BOOKED")
			.path("bookAppointment.appointment.windowGroup.name").entity(String.class).isEqualTo("综合受理");
		// a retry (lost answer on a bad network) is the same appointment, not a second place
		resident.document(BOOK).variable("h", "370203-C").variable("g", "A").variable("at", slots.get(0)).variable("key", "book-1")
			.execute().path("bookAppointment.appointment.id").entity(String.class).isEqualTo(id);
		resident.document(SLOTS).variable("h", "370203-C").variable("g", "A").execute()
			.path("appointmentSlots[0].available").entity(Integer.class).isEqualTo(7);
		resident.document(MINE).execute().path("myAppointments[*].id").entityList(String.class).containsExactly(id);

		String moved = resident.document("mutation($id: ID!, $at: DateTime!) { rescheduleAppointment(input: {appointmentId: $id, startsAt: $at}) { appointment { id startsAt } } }")
			.variable("id", id).variable("at", slots.get(2)).execute()
			.path("rescheduleAppointment.appointment.id").entity(String.class).get();
		resident.document(MINE).execute().path("myAppointments[*].id").entityList(String.class).containsExactly(moved);
		resident.document(SLOTS).variable("h", "370203-C").variable("g", "A").execute()
			.path("appointmentSlots[0].available").entity(Integer.class).isEqualTo(8)
			.path("appointmentSlots[2].available").entity(Integer.class).isEqualTo(7);

		resident.document("mutation($id: ID!) { cancelAppointment(input: {appointmentId: $id}) { appointment { status } } }")
			.variable("id", moved).execute().path("cancelAppointment.appointment.status").entity(String.class).isEqualTo("CANCELLED");
		resident.document(MINE).execute().path("myAppointments").entityList(Object.class).hasSize(0);
		firstError(resident.document("mutation($id: ID!) { cancelAppointment(input: {appointmentId: $id}) { appointment { status } } }")
			.variable("id", moved).execute(), "APPOINTMENT_NOT_FOUND", "input.appointmentId");
		// someone else's appointment is not found for me
		firstError(this.tokens.as(this.tokens.resident("13800000007"))
			.document("mutation($id: ID!) { cancelAppointment(input: {appointmentId: $id}) { appointment { status } } }")
			.variable("id", id).execute(), "APPOINTMENT_NOT_FOUND", "input.appointmentId");
	}

	@Test
	void badTimesHallsAndGroupsAreRefusedWithTheirCodes() {
		GraphQlTester resident = this.tokens.as(this.tokens.resident("13800000007"));
		String slot = openSlots(resident, "370202-C", "A").get(0);
		String offGrid = OffsetDateTime.parse(slot).plusMinutes(10).toString();
		firstError(resident.document(BOOK).variable("h", "370202-C").variable("g", "A").variable("at", offGrid).variable("key", "x1").execute(),
				"SLOT_NOT_OFFERED", "input.startsAt");
		firstError(resident.document(BOOK).variable("h", "370202-C").variable("g", "Z").variable("at", slot).variable("key", "x2").execute(),
				"WINDOW_GROUP_NOT_FOUND", "windowGroup");
		firstError(resident.document(BOOK).variable("h", "NOPE").variable("g", "A").variable("at", slot).variable("key", "x3").execute(),
				"HALL_NOT_FOUND", "hall");
		firstError(resident.document(BOOK).variable("h", "370202-C").variable("g", "A").variable("at", slot).variable("key", "x4")
			.variable("item", "370202XX9999999000").execute(), "ITEM_NOT_FOUND", "input.item");
		firstError(resident.document(SLOTS.replace("windowGroup: $g)", "windowGroup: $g, days: 9)")).variable("h", "370202-C").variable("g", "A").execute(),
				"VALIDATION_FAILED", "days");
		firstError(this.graphQl.document(BOOK).variable("h", "370202-C").variable("g", "A").variable("at", slot).variable("key", "x5").execute(),
				"UNAUTHORIZED");
	}

	@Test
	void fiftyResidentsAtOnceTakeExactlyTheTenPlacesOfASlot() throws Exception {
		ServiceHall hall = testHall("370213-T1", 10);
		Instant slot = this.appointments.slots(hall.code(), "A", null, 8).get(0).startsAt();
		List<Callable<String>> bookings = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String holder = "concurrency-" + i;
			bookings.add(() -> {
				try {
					return this.appointments.book(holder, hall.code(), "A", slot, null, "k").id();
				}
				catch (ApiException ex) {
					return ex.code().name();
				}
			});
		}
		List<String> outcomes = new ArrayList<>();
		ExecutorService threads = Executors.newFixedThreadPool(50);
		try {
			for (Future<String> outcome : threads.invokeAll(bookings)) {
				outcomes.add(outcome.get());
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(outcomes.stream().filter((o) -> o.startsWith("apt_"))).hasSize(10).doesNotHaveDuplicates();
		assertThat(outcomes.stream().filter((o) -> !o.startsWith("apt_"))).hasSize(40).containsOnly("SLOT_FULL");
		AppointmentSlot stored = this.mongo.findById(AppointmentSlot.idOf(hall.code(), "A", slot), AppointmentSlot.class);
		assertThat(stored.booked()).isEqualTo(10);
		assertThat(stored.bookings()).hasSize(10);
		// the forty refused hold no reservation: each can book another slot
		Instant next = this.appointments.slots(hall.code(), "A", null, 8).get(1).startsAt();
		assertThat(this.appointments.book("concurrency-49", hall.code(), "A", next, null, "k2").id()).startsWith("apt_");
	}

	@Test
	void threeOpenAppointmentsAreTheLimitEvenWhenBookedAtOnce() throws Exception {
		ServiceHall hall = testHall("370213-T2", 5);
		List<Appointments.Slot> slots = this.appointments.slots(hall.code(), "A", null, 8);
		List<Callable<String>> bookings = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			Instant at = slots.get(i).startsAt();
			String key = "limit-" + i;
			bookings.add(() -> {
				try {
					return this.appointments.book("limit-holder", hall.code(), "A", at, null, key).id();
				}
				catch (ApiException ex) {
					return ex.code().name();
				}
			});
		}
		List<String> outcomes = new ArrayList<>();
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			for (Future<String> outcome : threads.invokeAll(bookings)) {
				outcomes.add(outcome.get());
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(outcomes.stream().filter((o) -> o.startsWith("apt_"))).hasSize(3);
		assertThat(outcomes.stream().filter((o) -> !o.startsWith("apt_"))).containsOnly("APPOINTMENT_LIMIT");
		assertThat(this.appointments.open("limit-holder")).hasSize(3);
		// rescheduling one of the three still works: the new place is taken before the old is given back
		String first = this.appointments.open("limit-holder").get(0).id();
		Set<Instant> taken = Set.copyOf(this.appointments.open("limit-holder").stream().map(Appointments.Appointment::startsAt).toList());
		Instant free = slots.stream().map(Appointments.Slot::startsAt).filter((s) -> !taken.contains(s)).findFirst().orElseThrow();
		assertThat(this.appointments.reschedule("limit-holder", first, free).startsAt()).isEqualTo(free);
		assertThat(this.appointments.open("limit-holder")).hasSize(3);
	}

	private ServiceHall testHall(String code, int capacity) {
		ServiceHall template = this.directory.hall("370213-C").orElseThrow();
		ServiceHall hall = new ServiceHall(code, "测试大厅", HallLevel.STREET_SERVICE_CENTRE, "370213", template.address(),
				template.location(), null, template.hours(), List.of(new WindowGroup("A", "综合受理", capacity)), false, Set.of(),
				List.of());
		this.mongo.save(hall);
		this.directory.reload();
		return hall;
	}

	private static List<String> openSlots(GraphQlTester resident, String hall, String group) {
		return resident.document(SLOTS).variable("h", hall).variable("g", group).execute()
			.path("appointmentSlots[*].startsAt").entityList(String.class).get();
	}

}
