package cn.tongban.identity;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.tongban.platform.ChinaTime;
import cn.tongban.platform.audit.AuditLog;
import cn.tongban.platform.audit.AuditType;
import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.ShiftedClock;
import cn.tongban.support.ShiftedTime;
import cn.tongban.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static cn.tongban.support.GraphQlErrors.firstError;
import static cn.tongban.support.GraphQlErrors.onlyError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 亲情代办 end to end: asking, the represented person's code, token exchange (RFC 8693) with
 * scopes that only narrow, what a delegate may and may not do, the record of acts, revocation,
 * expiry, guardianship of a minor until the 18th birthday.
 */
@GraphQlIntegrationTest
@TestPropertySource(properties = "tongban.mongodb.embedded.database=delegations")
@Import(ShiftedTime.class)
@SuppressWarnings("unchecked")
class DelegationTests {

	static final String EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";

	static final String REQUEST = """
			mutation($i: RequestDelegationInput!) { requestDelegation(input: $i) {
			  codeSentTo codeValidSeconds delegation { id status kind scopes representedName actorName } } }""";

	static final String CONFIRM = """
			mutation($id: ID!, $c: String!) { confirmDelegation(input: {delegationId: $id, code: $c}) {
			  delegation { id status expiresAt } } }""";

	/** Seeded adults, one pair per test: a code for the same pair may be sent once a minute. */
	record Adult(String name, String idNumber, String mobile) {
	}

	static final Adult ZHANG_WEI = new Adult("张伟", "370202199003151233", "13800000001");

	static final Adult LI_NA = new Adult("李娜", "370202199207082460", "13800000002");

	static final Adult WANG_FANG = new Adult("王芳", "370203196511203186", "13800000003");

	static final Adult LIU_YANG = new Adult("刘洋", "370211198501304572", "13800000004");

	static final Adult CHEN_JING = new Adult("陈静", "370212200005125627", "13800000005");

	static final Adult ZHAO_LEI = new Adult("赵磊", "370214197809096719", "13800000006");

	static final Adult SUN_LI = new Adult("孙丽", "370281199502147840", "13800000007");

	static final Adult ZHOU_QIANG = new Adult("周强", "370283196612018934", "13800000008");

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	Tokens tokens;

	@Autowired
	ShiftedClock clock;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	AuditLog audit;

	@Autowired
	MockMvc mvc;

	@Autowired
	PasswordEncoder passwords;

	@AfterEach
	void reset() {
		this.clock.reset();
		this.mongo.remove(new Query(), Delegation.class);
	}

	@Test
	void aRelativeActsForAnAdultWithinTheScopesConfirmedByTheirCode() throws Exception {
		String zhang = this.tokens.resident();
		String wangToken = this.tokens.resident(WANG_FANG.mobile());
		String wangId = this.tokens.subjectId(wangToken);
		String delegationId = authorise(zhang, ZHANG_WEI, WANG_FANG, List.of("APPLICATIONS", "CERTIFICATES"), 30);

		Map<String, Object> exchanged = exchange(zhang, delegationId, null);
		assertThat(exchanged).containsEntry("issued_token_type", "urn:ietf:params:oauth:token-type:access_token")
			.containsEntry("token_type", "Bearer");
		assertThat(((Number) exchanged.get("expires_in")).longValue()).isBetween(3000L, 3600L);
		String delegate = (String) exchanged.get("access_token");
		Map<?, ?> claims = claims(delegate);
		assertThat(claims.get("sub")).isEqualTo(wangId);
		assertThat(claims.get("act")).isEqualTo(Map.of("sub", this.tokens.subjectId(zhang)));
		assertThat(claims.get("roles")).isEqualTo(List.of("DELEGATE"));
		assertThat((List<Object>) claims.get("scope")).containsExactlyInAnyOrder("delegate.applications", "delegate.certificates");

		GraphQlTester asDelegate = this.tokens.as(delegate);
		asDelegate.document("{ me { id roles actorName person { name masked } } }")
			.execute()
			.path("me.id").entity(String.class).isEqualTo(wangId)
			.path("me.roles").entityList(String.class).containsExactly("DELEGATE")
			.path("me.actorName").entity(String.class).isEqualTo("张伟")
			.path("me.person.name").entity(String.class).isEqualTo("王芳")
			.path("me.person.masked").entity(Boolean.class).isEqualTo(false);
		asDelegate.document("{ myCertificates { holderName } }").execute().path("myCertificates").hasValue();
		// outside the delegation's scopes, or never delegable
		onlyError(asDelegate.document("mutation { issueResidentCode { expiresAt } }").execute(), "FORBIDDEN");
		onlyError(asDelegate.document("{ myConsents { id } }").execute(), "FORBIDDEN");
		onlyError(asDelegate.document("{ myMessages(first: 1) { unreadCount } }").execute(), "FORBIDDEN");
		onlyError(asDelegate.document("{ myDelegations(as: REPRESENTED) { id } }").execute(), "FORBIDDEN");

		// an application made by the relative is the represented person's, with the relative on the timeline
		asDelegate.document("""
				mutation { submitApplication(input: {item: "370202QR0020001000", idempotencyKey: "by-relative",
				  formValues: [{key: "employerName", value: "青岛海蓝数字科技有限公司"}]}) {
				  application { applicant { name } timeline { kind actedBy } } } }""")
			.execute()
			.path("submitApplication.application.applicant.name").entity(String.class).isEqualTo("王芳")
			.path("submitApplication.application.timeline[0].kind").entity(String.class).isEqualTo("SUBMITTED")
			.path("submitApplication.application.timeline[0].actedBy").entity(String.class).isEqualTo("张伟");

		// the represented person sees who acted and what they did: delegation, usage log, inbox, audit
		GraphQlTester wang = this.tokens.as(wangToken);
		wang.document("{ myDelegations(as: REPRESENTED) { id status actorName acts(first: 10) { operations clientName } } }")
			.execute()
			.path("myDelegations[0].id").entity(String.class).isEqualTo(delegationId)
			.path("myDelegations[0].status").entity(String.class).isEqualTo("ACTIVE")
			.path("myDelegations[0].actorName").entity(String.class).isEqualTo("张伟")
			.path("myDelegations[0].acts[*].operations[*]").entityList(String.class)
			.contains("query me", "query myCertificates", "mutation submitApplication", "mutation issueResidentCode")
			.path("myDelegations[0].acts[0].clientName").entity(String.class).isEqualTo("通办 App");
		wang.document("{ myCertificateUsage(first: 1) { nodes { accessorName purposeName result } } }")
			.execute()
			.path("myCertificateUsage.nodes[0].accessorName").entity(String.class).isEqualTo("张伟（亲情代办）")
			.path("myCertificateUsage.nodes[0].purposeName").entity(String.class).isEqualTo("亲情代办：查看卡包");
		wang.document("{ myMessages(first: 10) { nodes { kind title } } }")
			.execute()
			.path("myMessages.nodes[?(@.kind == 'DELEGATION')].title").entityList(String.class)
			.contains("已授权张伟代您办事", "张伟正在代您办事");
		assertThat(this.audit.find(AuditType.DELEGATED_ACT, this.tokens.subjectId(zhang), 0, 50))
			.anySatisfy((event) -> {
				assertThat(event.target()).isEqualTo(wangId);
				assertThat(event.detail()).isEqualTo("mutation submitApplication");
			});
	}

	@Test
	void scopesOnlyNarrowWhateverTheClientMayHold() throws Exception {
		String sun = this.tokens.resident(SUN_LI.mobile());
		String delegationId = authorise(sun, SUN_LI, ZHOU_QIANG, List.of("CERTIFICATES", "RESIDENT_CODE"), 30);
		Map<String, Object> narrow = exchange(sun, delegationId, "delegate.certificates");
		assertThat((List<Object>) claims((String) narrow.get("access_token")).get("scope")).containsExactly("delegate.certificates");
		onlyError(this.tokens.as((String) narrow.get("access_token")).document("mutation { issueResidentCode { expiresAt } }")
			.execute(), "FORBIDDEN");
		assertThat(exchange(sun, delegationId, "delegate.certificates delegate.applications"))
			.containsEntry("error", "invalid_scope");
		// an app client registered with an integrator's scope: still never more than the delegation
		this.mongo.save(new ClientRegistration("wide-app", "宽范围测试 App", ClientRegistration.Kind.APP,
				this.passwords.encode("wide-secret"), List.of("certificate.verify"), null, null));
		String code = this.tokens.smsCode(CHEN_JING.mobile());
		String chenThroughWideApp = (String) this.tokens.tokenResponse("wide-app", "wide-secret", Map.of("grant_type",
				"urn:tongban:params:oauth:grant-type:sms-code", "mobile", CHEN_JING.mobile(), "code", code))
			.get("access_token");
		String chensDelegation = authorise(chenThroughWideApp, CHEN_JING, ZHOU_QIANG, List.of("CERTIFICATES"), 30);
		assertThat(exchange("wide-app", "wide-secret", chenThroughWideApp, chensDelegation, "certificate.verify"))
			.containsEntry("error", "invalid_scope");
		assertThat(exchange("wide-app", "wide-secret", chenThroughWideApp, chensDelegation, null))
			.containsKey("access_token");
		// the actor token must have been issued to the client asking
		assertThat(exchange("wide-app", "wide-secret", sun, delegationId, null)).containsEntry("error", "invalid_grant");
	}

	@Test
	void onlyTheActorItselfMayExchange() throws Exception {
		String liu = this.tokens.resident(LIU_YANG.mobile());
		String delegationId = authorise(liu, LIU_YANG, ZHAO_LEI, List.of("CERTIFICATES"), 30);
		assertThat(exchange(this.tokens.resident(), delegationId, null)).containsEntry("error", "invalid_grant");
		assertThat(exchange(this.tokens.resident(ZHAO_LEI.mobile()), delegationId, null)).containsEntry("error", "invalid_grant");
		assertThat(exchange(this.tokens.staff("GA"), delegationId, null)).containsEntry("error", "invalid_grant");
		String delegate = (String) exchange(liu, delegationId, null).get("access_token");
		assertThat(exchange(delegate, delegationId, null)).as("no chains").containsEntry("error", "invalid_grant");
		assertThat(exchange("not-a-token", delegationId, null)).containsEntry("error", "invalid_grant");
		Map<String, String> wrongType = form(liu, delegationId, null);
		wrongType.put("subject_token_type", "urn:ietf:params:oauth:token-type:access_token");
		assertThat(this.tokens.tokenResponse("tongban-app", "tongban-app-demo-secret", wrongType))
			.containsEntry("error", "invalid_request");
		assertThat(exchange(liu, "dlg_unknown", null)).containsEntry("error", "invalid_grant");
		assertThat(this.audit.find(AuditType.TOKEN_EXCHANGE_REFUSED, null, 0, 10)).isNotEmpty();
	}

	@Test
	void revokingEndsTheDelegatesTokensAtOnce() throws Exception {
		String li = this.tokens.resident(LI_NA.mobile());
		String delegationId = authorise(li, LI_NA, WANG_FANG, List.of("CERTIFICATES"), 30);
		String delegate = (String) exchange(li, delegationId, null).get("access_token");
		this.tokens.as(delegate).document("{ myCertificates { id } }").execute().path("myCertificates").hasValue();

		GraphQlTester wang = this.tokens.as(this.tokens.resident(WANG_FANG.mobile()));
		wang.document("mutation($id: ID!) { revokeDelegation(input: {delegationId: $id}) { delegation { status endedAt } } }")
			.variable("id", delegationId)
			.execute()
			.path("revokeDelegation.delegation.status").entity(String.class).isEqualTo("REVOKED");
		assertThat(graphQlStatus(delegate, "{ myCertificates { id } }")).isEqualTo(401);
		assertThat(exchange(li, delegationId, null)).containsEntry("error", "invalid_grant")
			.containsEntry("error_description", "the delegation was revoked");
		// someone else cannot see or end it; ending it again changes nothing
		onlyError(this.tokens.as(this.tokens.resident(LIU_YANG.mobile()))
			.document("mutation { revokeDelegation(input: {delegationId: \"" + delegationId + "\"}) { delegation { id } } }")
			.execute(), "DELEGATION_NOT_FOUND");
		this.tokens.as(li)
			.document("mutation { revokeDelegation(input: {delegationId: \"" + delegationId + "\"}) { delegation { status } } }")
			.execute()
			.path("revokeDelegation.delegation.status").entity(String.class).isEqualTo("REVOKED");
		wang.document("{ myMessages(first: 5) { nodes { title } } }")
			.execute()
			.path("myMessages.nodes[*].title").entityList(String.class).contains("亲情代办授权已结束");
	}

	@Test
	void anExpiredDelegationStopsItsTokensAndExchanges() throws Exception {
		String zhao = this.tokens.resident(ZHAO_LEI.mobile());
		String delegationId = authorise(zhao, ZHAO_LEI, LIU_YANG, List.of("CERTIFICATES"), 1);
		String delegate = (String) exchange(zhao, delegationId, null).get("access_token");
		this.clock.shift(Duration.ofDays(1).plusMinutes(1));
		assertThat(graphQlStatus(delegate, "{ myCertificates { id } }")).isEqualTo(401);
		assertThat(exchange(zhao, delegationId, null)).containsEntry("error_description", "the delegation has expired");
		this.tokens.as(this.tokens.resident(LIU_YANG.mobile()))
			.document("{ myDelegations(as: REPRESENTED) { status } }")
			.execute()
			.path("myDelegations[0].status").entity(String.class).isEqualTo("EXPIRED");
	}

	@Test
	void aGuardianActsForAChildUntilTheEighteenthBirthday() throws Exception {
		String zhang = this.tokens.resident();
		String zhangId = this.tokens.subjectId(zhang);
		LocalDate today = LocalDate.now(this.clock.withZone(ChinaTime.ZONE));
		Person child = new Person("psn_test_child_0001", "张小雨", "370202200812011234", null, Person.Gender.FEMALE,
				today.minusYears(18).plusDays(2), "汉族", null, "370202", null, null, List.of(zhangId));
		this.mongo.save(child);
		GraphQlTester asZhang = this.tokens.as(zhang);
		var listed = asZhang.document("{ myDelegations(as: ACTOR) { id kind status scopes representedName expiresAt } }").execute();
		String delegationId = listed.path("myDelegations[?(@.kind == 'GUARDIAN')].id").entityList(String.class).get().get(0);
		listed.path("myDelegations[?(@.kind == 'GUARDIAN')].representedName").entityList(String.class).containsExactly("张小雨");
		listed.path("myDelegations[?(@.kind == 'GUARDIAN')].scopes[*]").entityList(String.class)
			.containsExactly("APPLICATIONS", "CERTIFICATES", "CONSENTS", "RESIDENT_CODE");

		String delegate = (String) exchange(zhang, delegationId, null).get("access_token");
		assertThat(claims(delegate).get("sub")).isEqualTo(child.id());
		// the child's resident code on the parent's phone
		this.tokens.as(delegate).document("mutation { issueResidentCode { expiresAt } }").execute()
			.path("issueResidentCode.expiresAt").hasValue();
		firstError(asZhang.document("mutation($id: ID!) { revokeDelegation(input: {delegationId: $id}) { delegation { id } } }")
			.variable("id", delegationId).execute(), "DELEGATION_NOT_REVOCABLE");

		this.clock.shift(Duration.ofDays(3));
		assertThat(exchange(zhang, delegationId, null)).containsEntry("error", "invalid_grant")
			.containsEntry("error_description", "the person has come of age (18) and acts for themself");
		assertThat(graphQlStatus(delegate, "mutation { issueResidentCode { expiresAt } }")).isEqualTo(401);
		String birthday = child.birthDate().plusYears(18).atStartOfDay(ChinaTime.ZONE)
			.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX"));
		asZhang.document("{ myDelegations(as: ACTOR) { kind status expiresAt } }").execute()
			.path("myDelegations[?(@.kind == 'GUARDIAN')].status").entityList(String.class).containsExactly("EXPIRED")
			.path("myDelegations[?(@.kind == 'GUARDIAN')].expiresAt").entityList(String.class).containsExactly(birthday);
	}

	@Test
	void requestsAreRefusedWithTheReason() {
		GraphQlTester zhou = this.tokens.as(this.tokens.resident(ZHOU_QIANG.mobile()));
		onlyError(zhou.document(REQUEST).variable("i", input(SUN_LI.idNumber(), "孙莉", List.of("CERTIFICATES"), 30)).execute(),
				"DELEGATION_PERSON_NOT_FOUND");
		onlyError(zhou.document(REQUEST).variable("i", input(ZHOU_QIANG.idNumber(), "周强", List.of("CERTIFICATES"), 30)).execute(),
				"DELEGATION_FOR_SELF");
		onlyError(zhou.document(REQUEST).variable("i", input(SUN_LI.idNumber(), "孙丽", List.of("CERTIFICATES"), 0)).execute(),
				"VALIDATION_FAILED");
		onlyError(zhou.document(REQUEST).variable("i", input("370281199502147841", "孙丽", List.of("CERTIFICATES"), 30)).execute(),
				"VALIDATION_FAILED");
		onlyError(zhou.document(REQUEST).variable("i", input(SUN_LI.idNumber(), "孙丽", List.of(), 30)).execute(),
				"VALIDATION_FAILED");
		var requested = zhou.document(REQUEST).variable("i", input(SUN_LI.idNumber(), "孙丽", List.of("CERTIFICATES"), 30)).execute();
		requested.path("requestDelegation.codeSentTo").entity(String.class).isEqualTo("138****0007");
		String id = requested.path("requestDelegation.delegation.id").entity(String.class).get();
		onlyError(zhou.document(CONFIRM).variable("id", id).variable("c", "000000").execute(), "DELEGATION_CODE_INVALID");
		onlyError(this.tokens.as(this.tokens.resident(LIU_YANG.mobile())).document(CONFIRM).variable("id", id)
			.variable("c", this.tokens.lastSmsCode(SUN_LI.mobile())).execute(), "DELEGATION_NOT_FOUND");
		zhou.document(CONFIRM).variable("id", id).variable("c", this.tokens.lastSmsCode(SUN_LI.mobile())).execute()
			.path("confirmDelegation.delegation.status").entity(String.class).isEqualTo("ACTIVE");
		onlyError(zhou.document(REQUEST).variable("i", input(SUN_LI.idNumber(), "孙丽", List.of("CERTIFICATES"), 30)).execute(),
				"DELEGATION_EXISTS");
	}

	/** The actor asks; the represented adult reads the code from the SMS and the actor confirms it. */
	private String authorise(String actorToken, Adult actor, Adult represented, List<String> scopes, int days) {
		GraphQlTester asActor = this.tokens.as(actorToken);
		String id = asActor.document(REQUEST)
			.variable("i", input(represented.idNumber(), represented.name(), scopes, days))
			.execute()
			.path("requestDelegation.delegation.status").entity(String.class).isEqualTo("PENDING")
			.path("requestDelegation.delegation.id").entity(String.class).get();
		assertThat(this.tokens.smsTexts(represented.mobile()).get(0)).contains(actor.name() + " 请求代您办理政务服务");
		asActor.document(CONFIRM).variable("id", id).variable("c", this.tokens.lastSmsCode(represented.mobile())).execute()
			.path("confirmDelegation.delegation.status").entity(String.class).isEqualTo("ACTIVE");
		return id;
	}

	private static Map<String, Object> input(String idNumber, String name, List<String> scopes, int days) {
		return Map.of("idNumber", idNumber, "name", name, "scopes", scopes, "days", days);
	}

	private Map<String, Object> exchange(String actorToken, String delegationId, String scope) {
		return exchange("tongban-app", "tongban-app-demo-secret", actorToken, delegationId, scope);
	}

	private Map<String, Object> exchange(String clientId, String secret, String actorToken, String delegationId,
			String scope) {
		return this.tokens.tokenResponse(clientId, secret, form(actorToken, delegationId, scope));
	}

	private static Map<String, String> form(String actorToken, String delegationId, String scope) {
		Map<String, String> form = new HashMap<>(Map.of("grant_type", EXCHANGE, "subject_token", delegationId,
				"subject_token_type", "urn:tongban:params:oauth:token-type:delegation", "actor_token", actorToken,
				"actor_token_type", "urn:ietf:params:oauth:token-type:access_token"));
		if (scope != null) {
			form.put("scope", scope);
		}
		return form;
	}

	private static Map<?, ?> claims(String token) {
		return json.readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]), Map.class);
	}

	private int graphQlStatus(String token, String document) throws Exception {
		return this.mvc.perform(post("/graphql").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("query", document))))
			.andReturn()
			.getResponse()
			.getStatus();
	}

}
