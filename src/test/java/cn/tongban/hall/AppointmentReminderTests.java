package cn.tongban.hall;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;

import cn.tongban.platform.ChinaTime;
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

import static org.assertj.core.api.Assertions.assertThat;

/** 预约提醒: the day before, once, in the inbox and by SMS. */
@GraphQlIntegrationTest
@TestPropertySource(properties = { "tongban.mongodb.embedded.database=applications", "tongban.application.follow-up-interval=1h" })
@Import(ShiftedTime.class)
class AppointmentReminderTests {

	/** 刘洋. */
	static final String LIU = "13800000004";

	@Autowired
	Tokens tokens;

	@Autowired
	ShiftedClock clock;

	@Autowired
	AppointmentReminders reminders;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void tomorrowsAppointmentIsRemindedOnceInTheInboxAndByText() {
		LocalDate monday = LocalDate.now(ChinaTime.ZONE).plusWeeks(4).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		shiftTo(monday.atTime(10, 0));
		GraphQlTester liu = this.tokens.as(this.tokens.resident(LIU));
		String id = liu.document("mutation($at: DateTime!) { bookAppointment(input: {hall: \"370202-C\", windowGroup: \"B\", startsAt: $at, idempotencyKey: \"reminded\"}) { appointment { id number } } }")
			.variable("at", monday.plusDays(1).atTime(14, 0).atZone(ChinaTime.ZONE).toOffsetDateTime().toString())
			.execute()
			.path("bookAppointment.appointment.id")
			.entity(String.class)
			.get();

		assertThat(this.reminders.remindTomorrow()).isEqualTo(1);
		assertThat(this.reminders.remindTomorrow()).as("a second run posts nothing").isZero();
		liu.document("{ myMessages(first: 5) { nodes { kind title body link } } }").execute()
			.path("myMessages.nodes[0].kind").entity(String.class).isEqualTo("APPOINTMENT")
			.path("myMessages.nodes[0].link").entity(String.class).isEqualTo("appointment:" + id)
			.path("myMessages.nodes[0].title").entity(String.class).matches((t) -> t.contains("14:00") && t.contains("市南区政务服务中心"));
		assertThat(this.tokens.smsTexts(LIU).get(0)).contains("预约提醒");
	}

	private void shiftTo(LocalDateTime chinaTime) {
		this.clock.reset();
		this.clock.shift(Duration.between(this.clock.instant(), chinaTime.atZone(ChinaTime.ZONE).toInstant()));
	}

}
