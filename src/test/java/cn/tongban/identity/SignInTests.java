package cn.tongban.identity;

import java.util.Map;

import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.Tokens;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every kind of caller signs in the way its real client does, and {@code me} shows the right subject. */
@GraphQlIntegrationTest
class SignInTests {

	private static final String SMS_GRANT = "urn:tongban:params:oauth:grant-type:sms-code";

	private static final String ME = """
			{ me { id roles clientId clientName scopes scenarioCode scenario { code disclose } staffName department { code }
			  person { name idNumber mobile sex birthDate address masked region { code } }
			  enterprise { name creditCode legalRepresentative { name idNumber sex masked } } } }""";

	@Autowired
	Tokens tokens;

	@Autowired
	HttpGraphQlTester anonymous;

	@Autowired
	MockMvc mvc;

	@Test
	void aResidentSeesTheirOwnDataUnmasked() {
		GraphQlTester.Response me = this.tokens.as(this.tokens.resident()).document(ME).execute();
		me.path("me.roles").entityList(String.class).containsExactly("RESIDENT");
		me.path("me.clientName").entity(String.class).isEqualTo("通办 App");
		me.path("me.person.name").entity(String.class).isEqualTo("张伟");
		me.path("me.person.idNumber").entity(String.class).isEqualTo("370202199003151233");
		me.path("me.person.mobile").entity(String.class).isEqualTo("13800000001");
		me.path("me.person.birthDate").entity(String.class).isEqualTo("1990-03-15");
		me.path("me.person.sex").entity(String.class).isEqualTo("MALE");
		me.path("me.person.masked").entity(Boolean.class).isEqualTo(false);
		me.path("me.person.region.code").entity(String.class).isEqualTo("370202");
		me.path("me.enterprise").valueIsNull();
		me.path("me.scenario").valueIsNull();
	}

	@Test
	void anEnterpriseAgentActsForTheEnterpriseAndSeesOthersMasked() {
		// 陈静 is an agent of 青岛海蓝; its legal representative 刘洋 is someone else
		String token = this.tokens.smsToken("13800000005", Tokens.AGENT_CREDIT_CODE);
		GraphQlTester.Response me = this.tokens.as(token).document(ME).execute();
		me.path("me.roles").entityList(String.class).containsExactly("ENTERPRISE");
		me.path("me.enterprise.name").entity(String.class).isEqualTo("青岛海蓝数字科技有限公司");
		me.path("me.enterprise.creditCode").entity(String.class).isEqualTo(Tokens.AGENT_CREDIT_CODE);
		me.path("me.person.name").entity(String.class).isEqualTo("陈静");
		me.path("me.person.sex").entity(String.class).isEqualTo("FEMALE");
		me.path("me.enterprise.legalRepresentative.name").entity(String.class).isEqualTo("刘*");
		me.path("me.enterprise.legalRepresentative.idNumber").entity(String.class).isEqualTo("370211********4572");
		me.path("me.enterprise.legalRepresentative.masked").entity(Boolean.class).isEqualTo(true);
		// the ID number's masked view keeps its last four digits, the sex digit among them
		me.path("me.enterprise.legalRepresentative.sex").entity(String.class).isEqualTo("MALE");
	}

	@Test
	void theLegalRepresentativeSeesThemselfUnmasked() {
		GraphQlTester.Response me = this.tokens.as(this.tokens.enterpriseAgent()).document(ME).execute();
		me.path("me.enterprise.legalRepresentative.name").entity(String.class).isEqualTo("刘洋");
		me.path("me.enterprise.legalRepresentative.masked").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void aPersonWhoIsNoAgentCannotActForTheEnterprise() {
		String code = this.tokens.smsCode("13800000006");
		Map<String, Object> answer = this.tokens.tokenResponse("tongban-app", "tongban-app-demo-secret", Map.of("grant_type",
				SMS_GRANT, "mobile", "13800000006", "code", code, "credit_code", Tokens.AGENT_CREDIT_CODE));
		assertThat(answer.get("error")).isEqualTo("invalid_grant");
		assertThat(answer.get("access_token")).isNull();
	}

	@Test
	void staffAreBoundToTheirDepartment() {
		GraphQlTester.Response me = this.tokens.as(this.tokens.staff("GA")).document(ME).execute();
		me.path("me.roles").entityList(String.class).containsExactly("STAFF");
		me.path("me.staffName").entity(String.class).isEqualTo("王建国");
		me.path("me.department.code").entity(String.class).isEqualTo("GA");
		me.path("me.person").valueIsNull();
	}

	@Test
	void machinesUseClientCredentials() {
		GraphQlTester.Response integrator = this.tokens.as(this.tokens.integrator()).document(ME).execute();
		integrator.path("me.roles").entityList(String.class).containsExactly("INTEGRATOR");
		integrator.path("me.clientName").entity(String.class).isEqualTo("中国工商银行青岛分行");
		integrator.path("me.scopes").entityList(String.class).containsExactly("certificate.verify");
		GraphQlTester.Response terminal = this.tokens.as(this.tokens.terminal()).document(ME).execute();
		terminal.path("me.roles").entityList(String.class).containsExactly("TERMINAL");
		terminal.path("me.scenario.code").entity(String.class).isEqualTo("COUNTER");
		terminal.path("me.scenario.disclose").entityList(String.class).contains("NAME", "CERTIFICATES_FOR_ITEM");
		terminal.path("me.scenarioCode").entity(String.class).isEqualTo("COUNTER"); // deprecated: the same code
		terminal.path("me.scopes").entityList(String.class).containsExactly("code.scan");
	}

	@Test
	void aCodeWorksOnce() {
		String code = this.tokens.smsCode("13800000002");
		Map<String, String> form = Map.of("grant_type", SMS_GRANT, "mobile", "13800000002", "code", code);
		assertThat(this.tokens.tokenResponse("tongban-app", "tongban-app-demo-secret", form)).containsKey("access_token");
		assertThat(this.tokens.tokenResponse("tongban-app", "tongban-app-demo-secret", form).get("error"))
			.isEqualTo("invalid_grant");
	}

	@Test
	void aSecondCodeWithinAMinuteIsRefused() {
		this.tokens.smsCode("13800000003");
		this.anonymous.document("mutation { requestLoginCode(input: {mobile: \"13800000003\"}) { maskedMobile } }")
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getExtensions()).containsEntry("code", "LOGIN_CODE_RATE_LIMITED")
					.containsEntry("field", "input.mobile");
			});
	}

	@Test
	void unknownNumbersGetTheSameAnswerAndNoMessage() throws Exception {
		this.anonymous.document("mutation { requestLoginCode(input: {mobile: \"13999999999\"}) { maskedMobile expiresInSeconds } }")
			.execute()
			.path("requestLoginCode.expiresInSeconds")
			.entity(Integer.class)
			.isEqualTo(300);
		this.mvc.perform(get("/dev/sms-outbox").param("mobile", "13999999999"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
	}

	@Test
	void malformedNumbersAreValidationErrors() {
		this.anonymous.document("mutation { requestLoginCode(input: {mobile: \"12345\"}) { maskedMobile } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "VALIDATION_FAILED")
				.containsEntry("field", "input.mobile"));
	}

	@Test
	void fiveWrongCodesLockTheNumber() {
		String mobile = "13800000008";
		this.tokens.smsCode(mobile);
		Map<String, String> wrong = Map.of("grant_type", SMS_GRANT, "mobile", mobile, "code", "000000");
		for (int i = 0; i < 4; i++) {
			assertThat(this.tokens.tokenResponse("tongban-app", "tongban-app-demo-secret", wrong).get("error"))
				.isEqualTo("invalid_grant");
		}
		Map<String, Object> fifth = this.tokens.tokenResponse("tongban-app", "tongban-app-demo-secret", wrong);
		assertThat((String) fifth.get("error_description")).startsWith("LOGIN_LOCKED");
		this.anonymous.document("mutation { requestLoginCode(input: {mobile: \"13800000008\"}) { maskedMobile } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "LOGIN_LOCKED"));
	}

	@Test
	void wrongPasswordsAndWrongSecretsAreRefused() {
		assertThat(this.tokens.tokenResponse("tongban-console", "tongban-console-demo-secret",
				Map.of("grant_type", "urn:tongban:params:oauth:grant-type:account-password", "username", "staff.rs",
						"password", "wrong"))
			.get("error")).isEqualTo("invalid_grant");
		assertThat(this.tokens
			.tokenResponse("icbc-qingdao", "wrong-secret", Map.of("grant_type", "client_credentials"))
			.get("error")).isEqualTo("invalid_client");
		// a client may only use its own grant: the app cannot ask for client credentials
		assertThat(this.tokens
			.tokenResponse("tongban-app", "tongban-app-demo-secret", Map.of("grant_type", "client_credentials"))
			.get("error")).isEqualTo("unauthorized_client");
	}

	@Test
	void missingGrantParametersAreInvalidRequests() {
		Map<String, Object> answer = this.tokens.tokenResponse("tongban-app", "tongban-app-demo-secret",
				Map.of("grant_type", SMS_GRANT, "mobile", "13800000001"));
		assertThat(answer.get("error")).isEqualTo("invalid_request");
		assertThat(answer.get("error_description")).asString().contains("code");
	}

	@Test
	void signInsLandInTheAuditTrail() {
		this.tokens.staff("RS");
		this.tokens.as(this.tokens.admin())
			.document("{ auditEvents(type: LOGIN_SUCCEEDED, actor: \"staff.rs\", first: 5) { totalCount nodes { type actor clientId detail } } }")
			.execute()
			.path("auditEvents.nodes[0]")
			.entity(Map.class)
			.satisfies((event) -> assertThat(event).containsEntry("actor", "staff.rs")
				.containsEntry("clientId", "tongban-console")
				.containsEntry("detail", "[STAFF]"));
	}

	@Test
	void deniedCallsLandInTheAuditTrail() {
		this.tokens.as(this.tokens.resident()).document("{ auditEvents { totalCount } }").execute().errors()
			.satisfy((errors) -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "FORBIDDEN"));
		this.tokens.as(this.tokens.admin())
			.document("{ auditEvents(type: ACCESS_DENIED, actor: \"psn_333b719f8cd36ed3fd12\") { nodes { target } } }")
			.execute()
			.path("auditEvents.nodes[*].target")
			.entityList(String.class)
			.contains("/auditEvents");
	}

	@Test
	void theDevOutboxHoldsTheCode() throws Exception {
		String code = this.tokens.smsCode("13800000007");
		assertThat(code).matches("\\d{6}");
		this.mvc.perform(get("/dev/sms-outbox").param("mobile", "13800000007"))
			.andExpect(jsonPath("$[0].text").value(Matchers.containsString(code)));
	}

}
