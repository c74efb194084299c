package cn.tongban.application;

import java.util.List;
import java.util.Map;

import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.ShiftedTime;
import cn.tongban.support.Tokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static cn.tongban.support.GraphQlErrors.firstError;

/** 办件进度查询 without an account: a code to the applicant's mobile, then status and timeline only. */
@GraphQlIntegrationTest
@TestPropertySource(properties = { "tongban.mongodb.embedded.database=applications", "tongban.application.follow-up-interval=1h" })
@Import(ShiftedTime.class)
class ApplicationProgressTests {

	static final String REQUEST = "mutation($id: ID!) { requestProgressCode(input: {applicationId: $id}) { maskedMobile expiresInSeconds } }";

	static final String PROGRESS = """
			query($id: ID!, $code: String!) { applicationProgress(applicationId: $id, code: $code) {
			  applicationId title status applicantName submittedAt completedAt timeline { at kind department { code } } } }""";

	@Autowired
	Tokens tokens;

	@Autowired
	HttpGraphQlTester anonymous;

	@Test
	void whoeverHoldsTheApplicantsMobileReadsStatusAndTimelineOnly() {
		String id = submit("13800000001", "progress-0001");
		this.anonymous.document(REQUEST).variable("id", id).execute()
			.path("requestProgressCode.maskedMobile").entity(String.class).isEqualTo("138****0001")
			.path("requestProgressCode.expiresInSeconds").entity(Integer.class).isEqualTo(300);
		String code = this.tokens.lastSmsCode("13800000001");

		firstError(this.anonymous.document(PROGRESS).variable("id", id).variable("code", wrong(code)).execute(),
				"PROGRESS_CODE_INVALID", "code");
		GraphQlTester.Response progress = this.anonymous.document(PROGRESS).variable("id", id).variable("code", code).execute();
		progress.path("applicationProgress.status").entity(String.class).isEqualTo("SUBMITTED");
		progress.path("applicationProgress.applicantName").entity(String.class).isEqualTo("张*");
		progress.path("applicationProgress.timeline[*].kind").entityList(String.class).containsExactly("SUBMITTED");
		// read again within the code's validity
		this.anonymous.document(PROGRESS).variable("id", id).variable("code", code).execute()
			.path("applicationProgress.applicationId").entity(String.class).isEqualTo(id);
		// one code a minute per application
		firstError(this.anonymous.document(REQUEST).variable("id", id).execute(), "RATE_LIMITED", "input.applicationId");
	}

	@Test
	void fiveWrongTriesKillTheCode() {
		String id = submit("13800000008", "progress-0002");
		this.anonymous.document(REQUEST).variable("id", id).execute().path("requestProgressCode.maskedMobile").hasValue();
		String code = this.tokens.lastSmsCode("13800000008");
		for (int i = 0; i < 5; i++) {
			firstError(this.anonymous.document(PROGRESS).variable("id", id).variable("code", wrong(code)).execute(),
					"PROGRESS_CODE_INVALID", "code");
		}
		firstError(this.anonymous.document(PROGRESS).variable("id", id).variable("code", code).execute(),
				"PROGRESS_CODE_INVALID", "code");
	}

	@Test
	void anUnknownApplicationIsNotFoundAndACodeForAnotherApplicationDoesNotOpenThisOne() {
		firstError(this.anonymous.document(REQUEST).variable("id", "app_000000000000000000000000").execute(),
				"APPLICATION_NOT_FOUND", "input.applicationId");
		String first = submit("13800000001", "progress-0003");
		String second = submit("13800000001", "progress-0004");
		this.anonymous.document(REQUEST).variable("id", first).execute().path("requestProgressCode.maskedMobile").hasValue();
		String code = this.tokens.lastSmsCode("13800000001");
		firstError(this.anonymous.document(PROGRESS).variable("id", second).variable("code", code).execute(),
				"PROGRESS_CODE_INVALID", "code");
	}

	private String submit(String mobile, String key) {
		return this.tokens.as(this.tokens.resident(mobile))
			.document("mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { application { id } } }")
			.variable("i", Map.of("item", "370202QR0020001000", "formValues", List.of(Map.of("key", "employerName", "value", "青岛港集团")), "idempotencyKey", key))
			.execute()
			.path("submitApplication.application.id")
			.entity(String.class)
			.get();
	}

	private static String wrong(String code) {
		return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
	}

}
