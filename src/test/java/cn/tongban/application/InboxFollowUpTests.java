package cn.tongban.application;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.tongban.message.Message;
import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.ShiftedClock;
import cn.tongban.support.ShiftedTime;
import cn.tongban.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The applicant's inbox message for a change is written through the follow-up: a crash before the
 * post, or between the post and clearing the flag, ends with exactly one message; two changes of
 * one application within the hour send one text message.
 */
@GraphQlIntegrationTest
@TestPropertySource(properties = { "tongban.mongodb.embedded.database=applications", "tongban.application.follow-up-interval=1h" })
@Import(ShiftedTime.class)
class InboxFollowUpTests {

	/** 周强 (13800000008). */
	static final String ZHOU = "13800000008";

	@Autowired
	Tokens tokens;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	CertificateFollowUp followUp;

	@Autowired
	ShiftedClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aCrashAroundThePostEndsWithExactlyOneMessage() {
		String resident = this.tokens.resident(ZHOU);
		// other tests may have spent today's texts of this resident: the hourly rule is what is tried here
		this.mongo.remove(Query.query(Criteria.where("_id").regex("^" + this.tokens.subjectId(resident) + "\\|")),
				"message_sms_days");
		int textsBefore = applicationTexts();
		String id = this.tokens.as(resident)
			.document("mutation { submitApplication(input: {bundle: \"SEAMLESS_AUTH\", formValues: [], idempotencyKey: \"inbox-follow-up\"}) { application { id } } }")
			.execute()
			.path("submitApplication.application.id")
			.entity(String.class)
			.get();
		act("acceptTask", id);
		String accepted = "application:" + id + ":1";
		assertThat(messages(id)).containsExactly(accepted);
		assertThat(flag(id)).isFalse();

		// crash after the change, before the post: the message is missing and the flag still set
		this.mongo.remove(Query.query(Criteria.where("_id").is(accepted)), Message.class);
		setFlag(id);
		// (other tests share this database: what is checked is this application's flag and messages)
		this.followUp.deliverPending();
		assertThat(flag(id)).as("too recent: the request may still be posting").isTrue();
		assertThat(messages(id)).isEmpty();
		this.clock.shift(Duration.ofMinutes(1));
		assertThat(this.followUp.deliverPending()).isPositive();
		assertThat(messages(id)).containsExactly(accepted);
		assertThat(flag(id)).isFalse();
		this.followUp.deliverPending();
		assertThat(messages(id)).as("nothing twice").containsExactly(accepted);

		// crash after the post, before the flag was cleared: posting again stores nothing
		setFlag(id);
		assertThat(this.followUp.deliverPending()).isPositive();
		assertThat(messages(id)).containsExactly(accepted);
		assertThat(flag(id)).isFalse();

		// a second change within the hour: a second inbox message, no second text
		act("requestSupplement", id);
		assertThat(messages(id)).containsExactlyInAnyOrder(accepted, "application:" + id + ":2");
		assertThat(applicationTexts()).isEqualTo(textsBefore + 1);
	}

	private void act(String action, String applicationId) {
		this.tokens.as(this.tokens.staff("RS"))
			.document("mutation($i: TaskActionInput!) { " + action + "(input: $i) { application { status } } }")
			.variable("i", Map.of("applicationId", applicationId, "taskId", "t1", "reason", "请补充材料"))
			.execute()
			.path(action + ".application.status")
			.hasValue();
	}

	private List<String> messages(String applicationId) {
		return this.mongo.find(Query.query(Criteria.where("link").is("application:" + applicationId)), Message.class)
			.stream()
			.map(Message::id)
			.toList();
	}

	private boolean flag(String applicationId) {
		return this.mongo.findById(applicationId, Application.class).inboxPending();
	}

	private void setFlag(String applicationId) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(applicationId)), Update.update("inboxPending", true),
				Application.class);
	}

	private int applicationTexts() {
		return (int) this.tokens.smsTexts(ZHOU).stream().filter((text) -> text.startsWith("【通办】您的「")).count();
	}

}
