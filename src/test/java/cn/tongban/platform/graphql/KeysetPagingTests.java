package cn.tongban.platform.graphql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.tongban.platform.audit.AuditLog;
import cn.tongban.platform.audit.AuditType;
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

import static cn.tongban.support.GraphQlErrors.onlyError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds page by keyset: entries written between two pages (some in the same millisecond as the
 * last one read) neither repeat nor shift the next page, nor does a task leaving the queue between
 * two pages; another list's cursor is INVALID_CURSOR.
 */
@GraphQlIntegrationTest
@TestPropertySource(properties = { "tongban.mongodb.embedded.database=applications", "tongban.application.follow-up-interval=1h" })
@Import(ShiftedTime.class)
class KeysetPagingTests {

	static final String PAGE = """
			query($a: String) { auditEvents(first: 3, after: $a, actor: "keyset-paging") {
			  totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { detail } } }""";

	@Autowired
	AuditLog audit;

	@Autowired
	Tokens tokens;

	@Autowired
	ShiftedClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void entriesArrivingWhilePagingNeitherRepeatNorSkip() {
		for (int i = 1; i <= 8; i++) {
			this.audit.record(AuditType.ADMIN_CHANGE, "keyset-paging", null, null, null, "old " + i);
			if (i % 3 != 0) {
				this.clock.shift(Duration.ofMillis(1)); // every third pair shares a millisecond
			}
		}
		GraphQlTester admin = this.tokens.as(this.tokens.admin());
		List<String> seen = new ArrayList<>();
		String after = null;
		boolean more = true;
		int pages = 0;
		while (more) {
			var page = admin.document(PAGE).variable("a", after).execute();
			seen.addAll(page.path("auditEvents.nodes[*].detail").entityList(String.class).get());
			page.path("auditEvents.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
			more = page.path("auditEvents.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("auditEvents.pageInfo.endCursor").entity(String.class).get();
			// two new entries arrive between pages, one in the same millisecond as the last read
			this.audit.record(AuditType.ADMIN_CHANGE, "keyset-paging", null, null, null, "new " + ++pages + "a");
			this.clock.shift(Duration.ofMillis(1));
			this.audit.record(AuditType.ADMIN_CHANGE, "keyset-paging", null, null, null, "new " + pages + "b");
		}
		assertThat(seen).containsExactly("old 8", "old 7", "old 6", "old 5", "old 4", "old 3", "old 2", "old 1");
		assertThat(pages).isEqualTo(3);
		admin.document(PAGE).execute().path("auditEvents.totalCount").entity(Integer.class).isEqualTo(8 + 2 * pages);
	}

	/**
	 * Staff page through their queue while a colleague takes a task they already saw: with an
	 * offset, every later task would move up one place and the first of the next page be skipped.
	 */
	@Test
	void aTaskTakenWhileStaffPageTheQueueSkipsNoOtherTask() {
		GraphQlTester resident = this.tokens.as(this.tokens.resident("13800000006"));
		List<String> mine = new ArrayList<>();
		String department = null;
		for (int i = 1; i <= 5; i++) {
			var submitted = resident.document("""
					mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) {
					  application { id tasks { id department { code } } } } }""")
				.variable("i", Map.of("item", "370202QR0020001000", "idempotencyKey", "keyset-queue-" + i, "formValues",
						List.of(Map.of("key", "employerName", "value", "青岛海蓝数字科技有限公司"))))
				.execute();
			mine.add(submitted.path("submitApplication.application.id").entity(String.class).get());
			department = submitted.path("submitApplication.application.tasks[0].department.code").entity(String.class).get();
		}
		GraphQlTester staff = this.tokens.as(this.tokens.staff(department));
		List<String> seen = new ArrayList<>();
		String after = null;
		boolean more = true;
		boolean taken = false;
		while (more) {
			var page = staff.document("""
					query($a: String) { taskQueue(first: 2, after: $a) {
					  pageInfo { hasNextPage endCursor } nodes { taskId application { id } } } }""")
				.variable("a", after)
				.execute();
			List<String> ids = page.path("taskQueue.nodes[*].application.id").entityList(String.class).get();
			seen.addAll(ids);
			if (!taken && ids.contains(mine.get(0))) {
				String taskId = page.path("taskQueue.nodes[?(@.application.id == '" + mine.get(0) + "')].taskId")
					.entityList(String.class).get().get(0);
				staff.document("mutation($i: TaskActionInput!) { acceptTask(input: $i) { application { status } } }")
					.variable("i", Map.of("applicationId", mine.get(0), "taskId", taskId))
					.execute()
					.path("acceptTask.application.status").entity(String.class).isEqualTo("IN_PROGRESS");
				taken = true;
			}
			more = page.path("taskQueue.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("taskQueue.pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(taken).isTrue();
		assertThat(seen.stream().filter(mine::contains).toList()).containsExactlyElementsOf(mine);
		assertThat(seen).doesNotHaveDuplicates();
	}

	@Test
	void anotherListsCursorIsRefused() {
		GraphQlTester admin = this.tokens.as(this.tokens.admin());
		onlyError(admin.document(PAGE).variable("a", PageRequest.cursor(3)).execute(), "INVALID_CURSOR", "after");
		onlyError(admin.document(PAGE).variable("a", "not-base64!").execute(), "INVALID_CURSOR", "after");
		onlyError(admin.document(PAGE).variable("a", new Keyset(java.time.Instant.EPOCH, "").encode()).execute(),
				"INVALID_CURSOR", "after");
	}

}
