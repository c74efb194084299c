package cn.tongban.message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

/** 消息中心: keyset paging while messages arrive, read marks, SMS preferences and the daily cap. */
@GraphQlIntegrationTest
@TestPropertySource(properties = { "tongban.mongodb.embedded.database=applications", "tongban.application.follow-up-interval=1h" })
@Import(ShiftedTime.class)
class MessageCentreTests {

	static final String PAGE = "query($a: String, $u: Boolean) { myMessages(first: 3, after: $a, unreadOnly: $u) { unreadCount pageInfo { hasNextPage endCursor } nodes { id title readAt } } }";

	/** 周强 (13800000008). */
	static final String ZHOU = "13800000008";

	@Autowired
	Tokens tokens;

	@Autowired
	MessageCentre centre;

	@Autowired
	ShiftedClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void pagesNeitherRepeatNorSkipWhileMessagesArrive() {
		String token = this.tokens.resident(ZHOU);
		String holder = this.tokens.subjectId(token);
		this.centre.updatePreferences(holder, Set.of());
		GraphQlTester zhou = this.tokens.as(token);
		int unreadBefore = zhou.document(PAGE).execute().path("myMessages.unreadCount").entity(Integer.class).get();
		for (int i = 1; i <= 7; i++) {
			this.centre.post("paging-test:" + i, holder, MessageKind.CERTIFICATE, "消息 " + i, "正文 " + i, null);
			this.clock.shift(Duration.ofSeconds(1));
		}
		List<String> seen = new ArrayList<>();
		String after = null;
		boolean more = true;
		int newcomer = 0;
		while (more) {
			var page = zhou.document(PAGE).variable("a", after).execute();
			seen.addAll(page.path("myMessages.nodes[*].title").entityList(String.class).get());
			more = page.path("myMessages.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("myMessages.pageInfo.endCursor").entity(String.class).get();
			// a new message arrives between pages: it belongs before the first page, not in the next
			this.centre.post("paging-test:new-" + ++newcomer, holder, MessageKind.CERTIFICATE, "新消息 " + newcomer, "正文", null);
			this.clock.shift(Duration.ofSeconds(1));
		}
		assertThat(seen).doesNotHaveDuplicates().noneMatch((title) -> title.startsWith("新消息"));
		assertThat(seen.stream().filter((title) -> title.startsWith("消息 ")))
			.containsExactly("消息 7", "消息 6", "消息 5", "消息 4", "消息 3", "消息 2", "消息 1");

		// posting again with the same id stores nothing new
		assertThat(this.centre.post("paging-test:1", holder, MessageKind.CERTIFICATE, "消息 1", "正文 1", null)).isFalse();
		int unread = unreadBefore + 7 + newcomer;
		zhou.document(PAGE).execute().path("myMessages.unreadCount").entity(Integer.class).isEqualTo(unread);
		zhou.document("mutation { markMessagesRead(input: {ids: [\"paging-test:7\", \"paging-test:6\"]}) { markedRead } }").execute()
			.path("markMessagesRead.markedRead").entity(Integer.class).isEqualTo(2);
		zhou.document(PAGE).variable("u", true).execute()
			.path("myMessages.unreadCount").entity(Integer.class).isEqualTo(unread - 2)
			.path("myMessages.nodes").entityList(Object.class).hasSize(3);
		zhou.document("mutation { markMessagesRead(input: {all: true}) { markedRead } }").execute()
			.path("markMessagesRead.markedRead").entity(Integer.class).isEqualTo(unread - 2);
		firstError(zhou.document("mutation { markMessagesRead(input: {}) { markedRead } }").execute(), "INVALID_ARGUMENT", "input");
		firstError(zhou.document(PAGE).variable("a", "bm90LWEtY3Vyc29y").execute(), "INVALID_ARGUMENT", "after");
		// someone else's inbox is their own
		this.tokens.as(this.tokens.resident("13800000007")).document(PAGE).execute()
			.path("myMessages.nodes[*].id").entityList(String.class).doesNotContain("paging-test:1");
	}

	@Test
	void textMessagesGoOnlyForTheChosenKindsAndAtMostFiveADay() {
		String token = this.tokens.resident(ZHOU);
		String holder = this.tokens.subjectId(token);
		GraphQlTester zhou = this.tokens.as(token);
		zhou.document("mutation { updateMyMessagePreferences(input: {smsKinds: [APPOINTMENT]}) { preferences { smsKinds updatedAt } } }").execute()
			.path("updateMyMessagePreferences.preferences.smsKinds").entityList(String.class).containsExactly("APPOINTMENT");
		zhou.document("{ myMessagePreferences { smsKinds } }").execute()
			.path("myMessagePreferences.smsKinds").entityList(String.class).containsExactly("APPOINTMENT");
		// a day of its own, far from the other tests' days
		this.clock.shift(Duration.ofDays(400));
		long before = texts();
		this.centre.post("sms-test:benefit", holder, MessageKind.BENEFIT, "不发短信的消息", "正文", null);
		assertThat(texts()).isEqualTo(before);
		for (int i = 0; i < 7; i++) {
			this.centre.post("sms-test:reminder-" + i, holder, MessageKind.APPOINTMENT, "提醒 " + i, "正文", null);
		}
		assertThat(texts()).isEqualTo(before + MessageCentre.SMS_PER_DAY);
		assertThat(this.tokens.smsTexts(ZHOU).get(0)).contains("提醒 4").contains("消息中心");
	}

	private long texts() {
		return this.tokens.smsTexts(ZHOU).stream().filter((text) -> text != null && text.contains("消息中心")).count();
	}

}
