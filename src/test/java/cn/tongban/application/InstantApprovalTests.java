package cn.tongban.application;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.tongban.platform.rules.Operator;
import cn.tongban.platform.rules.Rule;
import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.ShiftedClock;
import cn.tongban.support.ShiftedTime;
import cn.tongban.support.Tokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static cn.tongban.support.GraphQlErrors.firstError;
import static org.assertj.core.api.Assertions.assertThat;

/** 秒批 through GraphQL: rules that approve at submission, rules that send a task to staff, and staff taking an approval back. */
@GraphQlIntegrationTest
@TestPropertySource(properties = { "tongban.mongodb.embedded.database=applications", "tongban.application.follow-up-interval=1h" })
@Import(ShiftedTime.class)
class InstantApprovalTests {

	static final String SUBMIT = """
			mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { application {
			  id status issuedCertificates { id number status type { code } }
			  tasks { id status decision { approved at reviewableUntil revocation { reason }
			    results { id text outcome reason } } }
			  timeline { kind detail } } } }""";

	static final String REVOKE = """
			mutation($i: RevokeAutomaticApprovalInput!) { revokeAutomaticApproval(input: $i) { application {
			  id status tasks { id status reason decision { approved reviewableUntil revocation { at reason } } }
			  timeline { kind detail } } } }""";

	/** 张伟 (13800000001): 1990, 市南区, holds a valid 社会保障卡 and an 不动产权证书. */
	static final String ZHANG_WEI = "13800000001";

	@Autowired
	Tokens tokens;

	@Autowired
	ShiftedClock clock;

	@Autowired
	ApprovalRules rules;

	@Test
	void anItemWhoseRulesAllHoldIsApprovedAtSubmission() {
		GraphQlTester.Response response = submit(ZHANG_WEI, "370202GG0030002000", "instant-remote-care-1");

		response.path("submitApplication.application.status").entity(String.class).isEqualTo("COMPLETED");
		response.path("submitApplication.application.tasks[0].status").entity(String.class).isEqualTo("APPROVED");
		response.path("submitApplication.application.tasks[0].decision.approved").entity(Boolean.class).isEqualTo(true);
		response.path("submitApplication.application.tasks[0].decision.results[*].id").entityList(String.class)
			.containsExactly("socialSecurityCard", "local", "materials");
		response.path("submitApplication.application.tasks[0].decision.results[*].outcome").entityList(String.class)
			.containsExactly("PASSED", "PASSED", "PASSED");
		response.path("submitApplication.application.tasks[0].decision.results[1].reason").entity(String.class)
			.isEqualTo("person.regionCode 为 370202，要求 开头为 3702");
		response.path("submitApplication.application.timeline[*].kind").entityList(String.class)
			.containsExactly("SUBMITTED", "AUTO_APPROVED", "COMPLETED");
		String id = response.path("submitApplication.application.id").entity(String.class).get();
		// the applicant's inbox says it is done (消息中心)
		this.tokens.as(this.tokens.resident(ZHANG_WEI)).document("{ myMessages(first: 100) { nodes { kind title link } } }").execute()
			.path("myMessages.nodes[?(@.link == 'application:" + id + "')].title").entityList(String.class)
			.satisfies((titles) -> assertThat(titles).anyMatch((t) -> t.endsWith("已办结")));

		// 医保 staff find it among the tasks the rules approved, and not among the others
		String queue = "query($r: Boolean) { taskQueue(status: APPROVED, approvedByRules: $r, first: 100) { nodes { application { id } } } }";
		this.tokens.as(this.tokens.staff("YB")).document(queue).variable("r", true).execute()
			.path("taskQueue.nodes[*].application.id").entityList(String.class).contains(id);
		this.tokens.as(this.tokens.staff("YB")).document(queue).variable("r", false).execute()
			.path("taskQueue.nodes[*].application.id").entityList(String.class).doesNotContain(id);
	}

	@Test
	void aFailingRuleSendsTheTaskToStaffWhoSeeWhy() {
		GraphQlTester.Response response = submit(ZHANG_WEI, "370202JF0120001000", "instant-rent-withdrawal-1");

		response.path("submitApplication.application.status").entity(String.class).isEqualTo("SUBMITTED");
		response.path("submitApplication.application.tasks[0].status").entity(String.class).isEqualTo("PENDING");
		response.path("submitApplication.application.tasks[0].decision.approved").entity(Boolean.class).isEqualTo(false);
		response.path("submitApplication.application.tasks[0].decision.reviewableUntil").valueIsNull();
		response.path("submitApplication.application.tasks[0].decision.results[?(@.id == 'noProperty')].outcome")
			.entityList(String.class).containsExactly("FAILED");
		String id = response.path("submitApplication.application.id").entity(String.class).get();

		this.tokens.as(this.tokens.staff("GJJ"))
			.document("query($id: ID!) { application(id: $id) { tasks { decision { results { id outcome reason } } } } }")
			.variable("id", id)
			.execute()
			.path("application.tasks[0].decision.results[?(@.id == 'noProperty')].reason").entityList(String.class)
			.containsExactly("certificate.ZR-001.valid 为 是，要求 = 否");
		firstError(this.tokens.as(this.tokens.staff("GJJ")).document(REVOKE)
			.variable("i", Map.of("applicationId", id, "taskId", "t1", "reason", "复核")).execute(), "NOT_APPROVED_BY_RULES");
	}

	@Test
	void theRulesIssueTheCertificateAndStaffMayTakeTheApprovalBack() {
		GraphQlTester.Response response = submit(ZHANG_WEI, "370200XK0010008000", "instant-licence-renewal-1");
		response.path("submitApplication.application.status").entity(String.class).isEqualTo("COMPLETED");
		response.path("submitApplication.application.issuedCertificates[0].type.code").entity(String.class).isEqualTo("GA-006");
		response.path("submitApplication.application.issuedCertificates[0].status").entity(String.class).isEqualTo("VALID");
		response.path("submitApplication.application.tasks[0].decision.results[*].id").entityList(String.class)
			.containsExactly("drivingLicence", "below70", "materials", "typedValues");
		response.path("submitApplication.application.tasks[0].decision.reviewableUntil").entity(String.class)
			.satisfies((until) -> assertThat(until).isNotBlank());
		String id = response.path("submitApplication.application.id").entity(String.class).get();
		Map<String, Object> revoke = Map.of("applicationId", id, "taskId", "t1", "reason", "驾驶证记分周期内有未处理的违法记录");

		firstError(this.tokens.as(this.tokens.staff("YB")).document(REVOKE).variable("i", revoke).execute(), "NOT_YOUR_DEPARTMENT");
		GraphQlTester.Response revoked = this.tokens.as(this.tokens.staff("GA")).document(REVOKE).variable("i", revoke).execute();

		revoked.path("revokeAutomaticApproval.application.status").entity(String.class).isEqualTo("SUBMITTED");
		revoked.path("revokeAutomaticApproval.application.tasks[0].status").entity(String.class).isEqualTo("PENDING");
		revoked.path("revokeAutomaticApproval.application.tasks[0].decision.revocation.reason").entity(String.class)
			.isEqualTo("驾驶证记分周期内有未处理的违法记录");
		revoked.path("revokeAutomaticApproval.application.tasks[0].decision.reviewableUntil").valueIsNull();
		revoked.path("revokeAutomaticApproval.application.timeline[*].kind").entityList(String.class)
			.contains("CERTIFICATE_ISSUED", "DECISION_REVOKED");
		this.tokens.as(this.tokens.resident(ZHANG_WEI))
			.document("query($id: ID!) { application(id: $id) { status issuedCertificates { status statusReason } } }")
			.variable("id", id)
			.execute()
			.path("application.issuedCertificates[0].status").entity(String.class).isEqualTo("REVOKED");
		firstError(this.tokens.as(this.tokens.staff("GA")).document(REVOKE).variable("i", revoke).execute(), "NOT_APPROVED_BY_RULES");
	}

	@Test
	void anAutomaticApprovalCanNoLongerBeTakenBackAfterTheReviewPeriod() {
		String id = submit(ZHANG_WEI, "370202GG0020004000", "instant-card-loss-1")
			.path("submitApplication.application.id").entity(String.class).get();
		this.clock.shift(Duration.ofDays(7).plusMinutes(1));
		try {
			firstError(this.tokens.as(this.tokens.staff("RS")).document(REVOKE)
				.variable("i", Map.of("applicationId", id, "taskId", "t1", "reason", "复核")).execute(), "REVIEW_PERIOD_OVER");
		}
		finally {
			this.clock.reset();
		}
	}

	@Test
	void theGuideListsTheConditionsAndTheStatisticsCountDecisionsByRules() {
		submit(ZHANG_WEI, "370202GG0120001000", "instant-fund-proof-1");
		GraphQlTester.Response response = this.tokens.as(this.tokens.resident(ZHANG_WEI))
			.document("""
					{ serviceItem(code: "370202GG0030002000") { instantApprovalConditions { id text } }
					  catalogStatistics { applications { completed instantApprovalRate { numerator denominator value } averageHandlingHours } } }""")
			.execute();
		response.path("serviceItem.instantApprovalConditions[*].text").entityList(String.class)
			.containsExactly("持有有效的社会保障卡", "参保地在青岛市（以户籍所在区市为准）");
		response.path("catalogStatistics.applications.instantApprovalRate.numerator").entity(Integer.class)
			.satisfies((byRules) -> assertThat(byRules).isPositive());
		response.path("catalogStatistics.applications.completed").entity(Integer.class)
			.satisfies((completed) -> assertThat(completed).isPositive());
	}

	@Test
	void rulesNamingUnknownFactsOrWrongValuesAreRefusedAndRulesForUnknownItemsUnused() {
		ApprovalRuleSet unknownItem = new ApprovalRuleSet("XX0000000000", "不存在",
				List.of(Rule.leaf("a", "a", "person.age", Operator.GTE, 1)));
		List<String> problems = this.rules.problems(List.of(
				new ApprovalRuleSet("GG0030002000", "异地就医备案", List.of(
						Rule.leaf("wealth", "富裕", "person.wealth", Operator.EQ, "是"),
						Rule.leaf("level", "等级", "certificate.CL-001.disabilityLevel", Operator.GTE, 2),
						Rule.leaf("nofield", "字段", "certificate.CL-001.colour", Operator.EQ, "红"),
						Rule.leaf("expense", "费用", "form.medicalExpense", Operator.GTE, "many"))), unknownItem));

		assertThat(problems).containsExactly("GG0030002000 wealth: unknown fact person.wealth",
				"GG0030002000 level: GTE does not apply to TEXT fact certificate.CL-001.disabilityLevel",
				"GG0030002000 nofield: unknown fact certificate.CL-001.colour",
				"GG0030002000 expense: GTE value must be NUMBER, not many");
		assertThat(this.rules.withoutItems(List.of(unknownItem))).containsExactly(unknownItem);
	}

	private GraphQlTester.Response submit(String mobile, String item, String key) {
		return this.tokens.as(this.tokens.resident(mobile))
			.document(SUBMIT)
			.variable("i", Map.of("item", item, "formValues", List.of(), "idempotencyKey", key))
			.execute();
	}

}
