package cn.tongban.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import cn.tongban.platform.ChinaTime;
import cn.tongban.platform.validation.IdNumberValidator;
import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.Maps;
import cn.tongban.support.ShiftedTime;
import cn.tongban.support.MongoCommandCounter;
import cn.tongban.support.Tokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static cn.tongban.support.GraphQlErrors.firstError;
import static org.assertj.core.api.Assertions.assertThat;

/** One-matter bundles and applications through GraphQL, from the form to the review. */
@GraphQlIntegrationTest
@TestPropertySource(properties = { "tongban.mongodb.embedded.database=applications", "tongban.application.follow-up-interval=1h" })
@Import(ShiftedTime.class)
class ApplicationTests {

	static final String SUBMIT = """
			mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { application {
			  id status version tasks { id status department { code } } materials { name provision } } } }""";

	static final List<Map<String, String>> NEWBORN_FORM = List.of(Map.of("key", "childName", "value", "张小宝"),
			Map.of("key", "childGender", "value", "男"), Map.of("key", "childBirthDate", "value", "2026-11-20"),
			Map.of("key", "birthPlace", "value", "青岛市妇女儿童医院"));

	/** 张伟, 13800000001: the father in the newborn journey. */
	static final String FATHER_ID_NUMBER = "370202199003151233";

	@Autowired
	Tokens tokens;

	@Autowired
	HttpGraphQlTester anonymous;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MongoCommandCounter commands;

	@Autowired
	CertificateFollowUp followUp;

	@Test
	void theBundleMergesMaterialsAndPrefillsTheForm() {
		GraphQlTester.Response bundle = this.tokens.as(this.tokens.resident("13800000002"))
			.document("""
					{ bundle(code: "NEWBORN") { items { department { code } } materials { certificateType { code } neededBy provision }
					  form { key source sourceKind prefill { value source asOf } } formFieldSharingRate { value targetMet }
					  materialSharingRate { value targetMet } } }""")
			.execute();
		bundle.path("bundle.items[*].department.code").entityList(String.class).containsExactly("WJ", "GA", "RS", "YB");
		// the identity card is needed by three items and appears once, covered by my certificate
		bundle.path("bundle.materials[?(@.certificateType.code == 'GA-001')].provision").entityList(String.class)
			.containsExactly("CERTIFICATE");
		bundle.path("bundle.materials[?(@.certificateType.code == 'GA-001')].neededBy").entityList(List.class)
			.satisfies((lists) -> assertThat(lists.get(0)).hasSize(3));
		// the birth certificate is produced inside the bundle and passed on
		bundle.path("bundle.materials[?(@.certificateType.code == 'WJ-001')].provision").entityList(String.class)
			.containsExactly("SHARED");
		bundle.path("bundle.form[?(@.key == 'spouseName')].prefill.value").entityList(String.class).containsExactly("张伟");
		bundle.path("bundle.form[?(@.key == 'spouseName')].prefill.asOf").entityList(String.class)
			.containsExactly("2019-05-20");
		bundle.path("bundle.form[?(@.key == 'childName')].source").entityList(String.class).containsExactly("TYPED");
		bundle.path("bundle.form[?(@.key == 'spouseName')].source").entityList(String.class).containsExactly("CERTIFICATE");
		// the deprecated text form
		bundle.path("bundle.form[?(@.key == 'childName')].sourceKind").entityList(String.class).containsExactly("TYPED");
		bundle.path("bundle.formFieldSharingRate.targetMet").entity(Boolean.class).isEqualTo(true);
		// anonymous visitors see the bundle without anything personal
		this.anonymous.document("{ bundle(code: \"NEWBORN\") { materials { provision } form { prefill { value } } } }")
			.execute()
			.path("bundle.materials[*].provision")
			.entityList(Object.class)
			.satisfies((values) -> assertThat(values).containsOnlyNulls());
		this.anonymous.document("{ bundles { code } }").execute().path("bundles").entityList(Object.class).hasSizeGreaterThan(15);
	}

	@Test
	void newbornJourneyFromFormToCertificateToReview() {
		String resident = this.tokens.resident();
		Map<String, Object> application = submit(resident, "NEWBORN", NEWBORN_FORM, "journey-0001");
		String id = (String) application.get("id");
		assertThat(application.get("status")).isEqualTo("SUBMITTED");
		for (String department : List.of("WJ", "GA", "RS", "YB")) {
			String taskId = taskOf(application, department);
			act(department, "acceptTask", id, taskId, null).path("acceptTask.application.status").hasValue();
			act(department, "approveTask", id, taskId, null).path("approveTask.application.status").hasValue();
		}
		GraphQlTester.Response done = this.tokens.as(resident)
			.document("query($id: ID!) { application(id: $id) { status issuedCertificates { type { code } holderName } timeline { kind type } materials { source provision } } }")
			.variable("id", id)
			.execute();
		done.path("application.status").entity(String.class).isEqualTo("COMPLETED");
		done.path("application.issuedCertificates[?(@.type.code == 'WJ-001')].holderName").entityList(String.class)
			.containsExactly("张小宝");
		done.path("application.timeline[*].kind").entityList(String.class).contains("SUBMITTED", "COMPLETED",
				"CERTIFICATE_ISSUED");
		// the deprecated text forms still answer, with the same values
		done.path("application.timeline[*].type").entityList(String.class)
			.isEqualTo(done.path("application.timeline[*].kind").entityList(String.class).get());
		done.path("application.materials[*].source").entityList(String.class)
			.isEqualTo(done.path("application.materials[*].provision").entityList(String.class).get())
			.satisfies((sources) -> assertThat(sources).isSubsetOf("CERTIFICATE", "SHARED", "COUNTER").isNotEmpty());
		// the birth certificate is in my card pack, sealed
		this.tokens.as(resident)
			.document("{ myCertificates { type { code } holderName seal { keyId } } }")
			.execute()
			.path("myCertificates[?(@.type.code == 'WJ-001')].holderName")
			.entityList(String.class)
			.contains("张小宝");
		this.tokens.as(resident)
			.document("mutation($id: ID!) { reviewApplication(input: {applicationId: $id, stars: 5, tags: [\"办事快\"], comment: \"一次没跑\"}) { application { review { stars } } } }")
			.variable("id", id)
			.execute()
			.path("reviewApplication.application.review.stars")
			.entity(Integer.class)
			.isEqualTo(5);
		firstError(this.tokens.as(resident)
			.document("mutation($id: ID!) { reviewApplication(input: {applicationId: $id, stars: 1}) { application { id } } }")
			.variable("id", id)
			.execute(), "ALREADY_REVIEWED");
		this.tokens.as(this.tokens.staff("WJ"))
			.document("{ departmentReviewSummaries { department { code } reviewCount averageStars tags { tag count } } }")
			.execute()
			.path("departmentReviewSummaries[?(@.department.code == 'WJ')].averageStars")
			.entityList(Double.class)
			.containsExactly(5.0);
		// each certificate names its own holder: the baby's social security card never carries the
		// father's ID number nor answers for him, and typed values are sealed with who confirmed them
		Map<String, Object> card = this.mongo.findOne(Query.query(Criteria.where("sourceApplicationId").is(id)
			.and("typeCode").is("RS-001")), Map.class, "certificates");
		assertThat(card.get("holderName")).isEqualTo("张小宝");
		assertThat(card.get("holderIdentifier")).isNotEqualTo(FATHER_ID_NUMBER);
		assertThat(card.get("data").toString()).doesNotContain(FATHER_ID_NUMBER);
		// the child was registered (户口登记) as a person of its own, a boy born 2026-11-20 in 市南区
		String childIdNumber = (String) card.get("holderIdentifier");
		assertThat(childIdNumber).startsWith("37020220261120");
		assertThat(IdNumberValidator.isValid(childIdNumber, LocalDate.now(ChinaTime.ZONE))).isTrue();
		assertThat(Character.getNumericValue(childIdNumber.charAt(16)) % 2).isEqualTo(1);
		assertThat(((Map<?, ?>) card.get("data")).get("holderIdNumber")).isEqualTo(childIdNumber);
		Map<String, Object> child = this.mongo.findOne(Query.query(Criteria.where("idNumber").is(childIdNumber)),
				Map.class, "people");
		assertThat(child.get("name")).isEqualTo("张小宝");
		assertThat(card.get("holderId")).isEqualTo(child.get("_id"));
		assertThat(child.get("guardianIds").toString()).contains(this.tokens.subjectId(resident));
		Map<String, Object> birth = this.mongo.findOne(Query.query(Criteria.where("sourceApplicationId").is(id)
			.and("typeCode").is("WJ-001")), Map.class, "certificates");
		assertThat(birth.get("holderIdentifier")).isEqualTo(childIdNumber);
		assertThat(((Map<?, ?>) birth.get("data")).get("fatherIdNumber")).isEqualTo(FATHER_ID_NUMBER);
		assertThat(((Map<?, ?>) birth.get("data")).get(ApplicationService.CONFIRMED_BY).toString()).contains("(WJ)")
			.contains("holderName");
		// a second child's application does not count the first child's birth certificate as the parent's own
		this.tokens.as(resident)
			.document("{ bundle(code: \"NEWBORN\") { materials { certificateType { code } provision certificateId } } }")
			.execute()
			.path("bundle.materials[?(@.certificateType.code == 'WJ-001')].certificateId")
			.entityList(Object.class)
			.satisfies((ids) -> assertThat(ids).containsOnlyNulls());
		// the household register (户口簿) issued by 出生登记 is the applicant's, the head of the household
		Map<String, Object> household = this.mongo.findOne(Query.query(Criteria.where("sourceApplicationId").is(id)
			.and("typeCode").is("GA-002")), Map.class, "certificates");
		assertThat(household.get("holderIdentifier")).isEqualTo(FATHER_ID_NUMBER);
		// the identity card stands in for the parent's own, and says so
		this.tokens.as(resident)
			.document("{ bundle(code: \"NEWBORN\") { materials { certificateType { code } provision certificateHolder } } }")
			.execute()
			.path("bundle.materials[?(@.certificateType.code == 'GA-001')].certificateHolder")
			.entityList(String.class)
			.containsExactly("张伟");
		// a bank verifying the father's social security card under consent gets his own card
		String bank = this.tokens.integrator();
		this.tokens.as(bank)
			.document("mutation { registerCertificatePurpose(input: {code: \"ICBC-SSC-CHECK\", name: \"社保卡核验\", certificateTypes: [\"RS-001\"], fields: [\"holderName\", \"cardNumber\"]}) { purpose { code } } }")
			.execute()
			.path("registerCertificatePurpose.purpose.code")
			.hasValue();
		this.tokens.as(resident)
			.document("mutation { grantConsent(input: {purpose: \"ICBC-SSC-CHECK\", days: 5}) { consent { id } } }")
			.execute()
			.path("grantConsent.consent.id")
			.hasValue();
		assertThat(verifiedSocialSecurityCard(bank, FATHER_ID_NUMBER)).isEqualTo("RS001-370202-2020-100148");
		// and verifying the child's card, under a consent for the child (granted for a ward: issue 17;
		// written directly here), gets the child's own card
		this.mongo.insert(new Document(Map.of("_id", "consent-for-ward", "holderId", card.get("holderId"), "integratorClientId",
				"icbc-qingdao", "purposeCode", "ICBC-SSC-CHECK", "certificateTypes", List.of("RS-001"), "grantedAt",
				Instant.now(), "expiresAt", Instant.now().plusSeconds(3600))), "certificate_consents");
		assertThat(verifiedSocialSecurityCard(bank, childIdNumber)).isEqualTo((String) card.get("number"));
		// an administrator's revocation is recorded on the certificate and in the audit trail
		String admin = this.tokens.admin();
		Map<String, Object> revoked = this.tokens.as(admin)
			.document("mutation($id: ID!) { revokeCertificate(input: {id: $id, reason: \"  信息有误，重新签发 \"}) { number status revokedBy revokedAt } }")
			.variable("id", card.get("_id"))
			.execute()
			.path("revokeCertificate")
			.entity(Maps.type())
			.get();
		assertThat(revoked).containsEntry("status", "REVOKED").containsEntry("revokedBy", this.tokens.subjectId(admin));
		assertThat(revoked.get("revokedAt")).isNotNull();
		Map<?, ?> revocation = (Map<?, ?>) this.mongo.findById(card.get("_id"), Map.class, "certificates").get("revocation");
		assertThat(revocation.get("by")).isEqualTo(this.tokens.subjectId(admin));
		assertThat(revocation.get("reason")).isEqualTo("信息有误，重新签发");
		this.tokens.as(admin)
			.document("{ auditEvents(type: ADMIN_CHANGE, first: 100) { nodes { target detail address } } }")
			.execute()
			.path("auditEvents.nodes")
			.entityList(Maps.type())
			.satisfies((events) -> assertThat(events).anySatisfy((event) -> assertThat(event)
				.containsEntry("target", revoked.get("number"))
				.containsEntry("detail", "revokeCertificate: 信息有误，重新签发")
				.satisfies((e) -> assertThat(e.get("address")).isNotNull())));
		// completing again (a crash before the certificates were marked issued) issues nothing twice
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				Update.update("certificatesPending", true).set("completedAt", Instant.now().minusSeconds(60)),
				Application.class);
		long before = this.mongo.count(Query.query(Criteria.where("sourceApplicationId").is(id)), "certificates");
		assertThat(this.followUp.issuePending()).isEqualTo(1);
		assertThat(this.mongo.count(Query.query(Criteria.where("sourceApplicationId").is(id)), "certificates"))
			.isEqualTo(before).isEqualTo(3);
		assertThat(this.mongo.findById(id, Application.class).certificatesPending()).isFalse();
	}

	@Test
	void concurrentDuplicateSubmitsMakeOneApplication() throws Exception {
		String resident = this.tokens.resident("13800000002");
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<CompletableFuture<String>> submits = IntStream.range(0, 12)
				.mapToObj((i) -> CompletableFuture.supplyAsync(
						() -> (String) submit(resident, "NEWBORN", NEWBORN_FORM, "twins-same-key").get("id"), pool))
				.toList();
			assertThat(submits.stream().map(CompletableFuture::join).distinct()).hasSize(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.mongo.count(Query.query(Criteria.where("applicantId").is("psn_a6915534354bc0fe10fb")),
				Application.class)).isEqualTo(1);
		// the same key for something else is refused, not silently answered with the first
		firstError(submitResponse(resident, "NEWBORN",
				List.of(Map.of("key", "childName", "value", "李小宝"), Map.of("key", "childGender", "value", "女"),
						Map.of("key", "childBirthDate", "value", "2026-11-21"), Map.of("key", "birthPlace", "value", "市立医院")),
				"twins-same-key"), "IDEMPOTENCY_KEY_REUSED");
	}

	@Test
	void twoStaffActingAtOnceOneWins() throws Exception {
		Map<String, Object> application = submit(this.tokens.resident("13800000003"), "SMART_COMMUNITY",
				List.of(Map.of("key", "bankAccount", "value", "6222020200000000001")), "conflict-0001");
		String id = (String) application.get("id");
		String taskId = taskOf(application, "RS");
		String staff = this.tokens.staff("RS");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<GraphQlTester.Response> responses = new ArrayList<>();
		try {
			List<CompletableFuture<GraphQlTester.Response>> both = IntStream.range(0, 2)
				.mapToObj((i) -> CompletableFuture.supplyAsync(() -> this.tokens.as(staff)
					.document("mutation($i: TaskActionInput!) { acceptTask(input: $i) { application { version } } }")
					.variable("i", Map.of("applicationId", id, "taskId", taskId, "expectedVersion", 0))
					.execute(), pool))
				.toList();
			both.forEach((future) -> responses.add(future.join()));
		}
		finally {
			pool.shutdown();
		}
		List<String> outcomes = new ArrayList<>();
		for (GraphQlTester.Response response : responses) {
			response.errors().satisfy((errors) -> outcomes
				.add(errors.isEmpty() ? "OK" : (String) errors.get(0).getExtensions().get("code")));
		}
		assertThat(outcomes).containsExactlyInAnyOrder("OK", "VERSION_CONFLICT");
	}

	@Test
	void illegalTransitionsAndOtherDepartmentsAreRefused() {
		Map<String, Object> application = submit(this.tokens.resident("13800000006"), "UNEMPLOYMENT",
				List.of(Map.of("key", "employerName", "value", "青岛顺通物流有限公司"),
						Map.of("key", "bankAccount", "value", "6222020200000000002")), "illegal-0001");
		String id = (String) application.get("id");
		String taskId = taskOf(application, "RS");
		firstError(act("RS", "approveTask", id, taskId, null), "ILLEGAL_TRANSITION");
		firstError(act("GA", "acceptTask", id, taskId, null), "NOT_YOUR_DEPARTMENT");
		firstError(act("RS", "rejectTask", id, taskId, null), "INVALID_ARGUMENT");
		act("RS", "rejectTask", id, taskId, "材料与登记信息不符").path("rejectTask.application.status").entity(String.class)
			.isEqualTo("REJECTED");
		String other = ((List<?>) application.get("tasks")).stream()
			.map((t) -> (Map<?, ?>) t)
			.filter((t) -> !t.get("id").equals(taskId))
			.map((t) -> (String) t.get("id"))
			.findFirst()
			.orElseThrow();
		firstError(act("RS", "acceptTask", id, other, null), "ILLEGAL_TRANSITION");
		// nobody else can read it by guessing its id
		firstError(this.tokens.as(this.tokens.resident()).document("query($id: ID!) { application(id: $id) { id } }")
			.variable("id", id).execute(), "APPLICATION_NOT_FOUND");
		firstError(this.tokens.as(this.tokens.staff("JY")).document("query($id: ID!) { application(id: $id) { id } }")
			.variable("id", id).execute(), "APPLICATION_NOT_FOUND");
	}

	@Test
	void theSupplementLoop() {
		String resident = this.tokens.resident("13800000007");
		Map<String, Object> application = submit(resident, "SEAMLESS_AUTH", List.of(), "supplement-0001");
		String id = (String) application.get("id");
		String rs = taskOf(application, "RS");
		act("RS", "requestSupplement", id, rs, "请补充社会保障卡号").path("requestSupplement.application.status")
			.entity(String.class).isEqualTo("SUPPLEMENT_REQUIRED");
		firstError(act("RS", "approveTask", id, rs, null), "ILLEGAL_TRANSITION");
		this.tokens.as(resident)
			.document("mutation($id: ID!) { supplementApplication(input: {applicationId: $id, note: \"已补充\"}) { application { status tasks { status } } } }")
			.variable("id", id)
			.execute()
			.path("supplementApplication.application.status")
			.entity(String.class)
			.isEqualTo("IN_PROGRESS");
		act("RS", "approveTask", id, rs, null).path("approveTask.application.status").hasValue();
		String yb = taskOf(application, "YB");
		act("YB", "acceptTask", id, yb, null);
		act("YB", "approveTask", id, yb, null).path("approveTask.application.status").entity(String.class)
			.isEqualTo("COMPLETED");
	}

	@Test
	void formValuesAreCheckedAgainstTheForm() {
		String resident = this.tokens.resident("13800000008");
		firstError(submitResponse(resident, "NEWBORN", List.of(Map.of("key", "favouriteColour", "value", "蓝")), "form-0001"),
				"INVALID_FORM", "input.formValues.favouriteColour");
		List<Map<String, String>> badId = new ArrayList<>(NEWBORN_FORM);
		badId.add(Map.of("key", "spouseIdNumber", "value", "370202199207082461"));
		badId.add(Map.of("key", "spouseName", "value", "某某"));
		firstError(submitResponse(resident, "NEWBORN", badId, "form-0002"), "INVALID_FORM", "input.formValues.spouseIdNumber");
		List<Map<String, String>> badChoice = new ArrayList<>(NEWBORN_FORM.subList(0, 1));
		badChoice.add(Map.of("key", "childGender", "value", "未知"));
		firstError(submitResponse(resident, "NEWBORN", badChoice, "form-0003"), "INVALID_FORM", "input.formValues.childGender");
		firstError(submitResponse(resident, "NEWBORN", List.of(), "form-0004"), "INVALID_FORM", "input.formValues.childName");
	}

	@Test
	void aSingleItemIsAnApplicationWithOneTask() {
		String resident = this.tokens.resident("13800000004");
		Map<String, Object> application = this.tokens.as(resident)
			.document(SUBMIT)
			.variable("i", Map.of("item", "370202QR0020001000", "idempotencyKey", "single-item-0001", "formValues",
					List.of(Map.of("key", "employerName", "value", "青岛海蓝数字科技有限公司"))))
			.execute()
			.path("submitApplication.application")
			.entity(Maps.type())
			.get();
		assertThat((List<?>) application.get("tasks")).hasSize(1);
		String id = (String) application.get("id");
		act("RS", "acceptTask", id, "t1", null);
		act("RS", "approveTask", id, "t1", null).path("approveTask.application.status").entity(String.class)
			.isEqualTo("COMPLETED");
		// an item and a bundle at once is refused
		firstError(this.tokens.as(resident)
			.document(SUBMIT)
			.variable("i", Map.of("item", "370202QR0020001000", "bundle", "NEWBORN", "idempotencyKey", "single-item-0002",
					"formValues", List.of()))
			.execute(), "INVALID_ARGUMENT");
	}

	@Test
	void twoChildrenOfTheSameParentsEachHaveTheirOwnPersonAndCertificates() {
		String resident = this.tokens.resident();
		String first = completeNewborn(resident, List.of(Map.of("key", "childName", "value", "张一"),
				Map.of("key", "childGender", "value", "女"), Map.of("key", "childBirthDate", "value", "2025-03-01"),
				Map.of("key", "birthPlace", "value", "青岛市市立医院")), "siblings-0001");
		String second = completeNewborn(resident, List.of(Map.of("key", "childName", "value", "张二"),
				Map.of("key", "childGender", "value", "男"), Map.of("key", "childBirthDate", "value", "2026-10-02"),
				Map.of("key", "birthPlace", "value", "青岛市市立医院")), "siblings-0002");
		Map<String, String> holders = new HashMap<>();
		for (String id : List.of(first, second)) {
			for (Map<?, ?> certificate : this.mongo.find(Query.query(Criteria.where("sourceApplicationId").is(id)
				.and("typeCode").in("WJ-001", "RS-001")), Map.class, "certificates")) {
				holders.merge((String) certificate.get("holderName"), (String) certificate.get("holderIdentifier"),
						(a, b) -> {
							assertThat(a).as("one child, one ID number").isEqualTo(b);
							return a;
						});
			}
		}
		assertThat(holders).containsOnlyKeys("张一", "张二");
		assertThat(holders.get("张一")).startsWith("37020220250301").isNotEqualTo(holders.get("张二"));
		assertThat(holders.get("张二")).startsWith("37020220261002");
		// both are in the parent's card pack, each with its own child's name
		this.tokens.as(resident)
			.document("{ myCertificates { type { code } holderName } }")
			.execute()
			.path("myCertificates[?(@.type.code == 'WJ-001')].holderName")
			.entityList(String.class)
			.contains("张一", "张二");
	}

	@Test
	void theChildIsRegisteredWhenThePoliceTaskApproves() {
		String resident = this.tokens.resident();
		Map<String, Object> application = submit(resident, "NEWBORN", List.of(Map.of("key", "childName", "value", "张三"),
				Map.of("key", "childGender", "value", "男"), Map.of("key", "childBirthDate", "value", "2026-09-09"),
				Map.of("key", "birthPlace", "value", "青岛市市立医院")), "registration-at-ga");
		String id = (String) application.get("id");
		Query child = Query.query(Criteria.where("name").is("张三").and("birthDate").exists(true));
		String taskId = taskOf(application, "GA");
		act("GA", "acceptTask", id, taskId, null).path("acceptTask.application.status").hasValue();
		assertThat(this.mongo.exists(child, "people")).isFalse();
		act("GA", "approveTask", id, taskId, null).path("approveTask.application.status").entity(String.class)
			.isEqualTo("IN_PROGRESS");
		Map<?, ?> registered = this.mongo.findOne(child, Map.class, "people");
		assertThat((String) registered.get("idNumber")).startsWith("37020220260909");
		assertThat(registered.get("guardianIds").toString()).contains(this.tokens.subjectId(resident));
	}

	/** Submits a 新生儿出生一件事 and has each department accept and approve it; the application id. */
	private String completeNewborn(String resident, List<Map<String, String>> form, String key) {
		Map<String, Object> application = submit(resident, "NEWBORN", form, key);
		String id = (String) application.get("id");
		for (String department : List.of("WJ", "GA", "RS", "YB")) {
			String taskId = taskOf(application, department);
			act(department, "acceptTask", id, taskId, null).path("acceptTask.application.status").hasValue();
			act(department, "approveTask", id, taskId, null).path("approveTask.application.status").hasValue();
		}
		return id;
	}

	@Test
	void identityFieldsComeFromAuthorityAndTypedValuesAreMarkedTyped() {
		String resident = this.tokens.resident();
		for (Map<String, String> override : List.of(Map.of("key", "applicantName", "value", "李四"),
				Map.of("key", "applicantIdNumber", "value", "11010519491231002X"),
				Map.of("key", "applicantMobile", "value", "13900000000"),
				Map.of("key", "spouseIdNumber", "value", "11010519491231002X"),
				Map.of("key", "spouseName", "value", "王五"))) {
			List<Map<String, String>> form = new ArrayList<>(NEWBORN_FORM);
			form.add(override);
			firstError(submitResponse(resident, "NEWBORN", form, "locked-" + override.get("key")), "FIELD_LOCKED",
					"input.formValues." + override.get("key"));
		}
		// the same value as the authority's is fine
		List<Map<String, String>> same = new ArrayList<>(NEWBORN_FORM);
		same.add(Map.of("key", "applicantName", "value", "张伟"));
		List<Map<String, Object>> values = this.tokens.as(resident)
			.document("query($id: ID!) { application(id: $id) { formValues { key value source } } }")
			.variable("id", submit(resident, "NEWBORN", same, "locked-same-value").get("id"))
			.execute()
			.path("application.formValues")
			.entityList(Maps.type())
			.get();
		assertThat(values).anySatisfy((v) -> assertThat(v).containsEntry("key", "applicantIdNumber")
			.containsEntry("value", FATHER_ID_NUMBER)
			.satisfies((m) -> assertThat((String) m.get("source")).contains("统一身份认证")));
		assertThat(values).anySatisfy((v) -> assertThat(v).containsEntry("key", "childName")
			.containsEntry("source", "APPLICANT"));
		// nothing was stored for the refused attempts
		for (String key : List.of("applicantName", "applicantIdNumber", "applicantMobile", "spouseIdNumber",
				"spouseName")) {
			assertThat(this.mongo.exists(Query.query(Criteria.where("fingerprint").exists(true)
				.and("_id").is(ApplicationService.idFor(this.tokens.subjectId(resident), "locked-" + key))),
					Application.class)).isFalse();
		}
	}

	@Test
	void aMutationAnswersItsOwnPayloadAndAFragmentOnTheSharedInterfaceStillFits() {
		GraphQlTester.Response submitted = this.tokens.as(this.tokens.resident("13800000004"))
			.document("""
					mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) {
					  __typename ...changed } }
					fragment changed on ApplicationPayload { application { id status } }""")
			.variable("i", Map.of("item", "370202QR0020001000", "idempotencyKey", "own-payload", "formValues",
					List.of(Map.of("key", "employerName", "value", "青岛海蓝数字科技有限公司"))))
			.execute();
		submitted.path("submitApplication.__typename").entity(String.class).isEqualTo("SubmitApplicationPayload");
		submitted.path("submitApplication.application.status").entity(String.class).isEqualTo("SUBMITTED");
	}

	@Test
	void aSubmissionReadsTheApplicantOnce() {
		String resident = this.tokens.resident("13800000004");
		this.commands.reset();
		this.tokens.as(resident).document(SUBMIT)
			.variable("i", Map.of("item", "370202QR0020001000", "idempotencyKey", "applicant-read-once", "formValues",
					List.of(Map.of("key", "employerName", "value", "青岛海蓝数字科技有限公司"))))
			.execute().path("submitApplication.application.id").hasValue();
		// the form's pre-fill, the certificates it and the materials name, and the application all ask
		assertThat(this.commands.count("people")).isEqualTo(1);
	}

	@Test
	void controlCharactersAreRefusedWhereverTheyAre() {
		String resident = this.tokens.resident("13800000004");
		List<Map<String, String>> form = List.of(Map.of("key", "employerName", "value", "青岛\u0000顺通"));
		firstError(this.tokens.as(resident)
			.document(SUBMIT)
			.variable("i", Map.of("item", "370202QR0020001000", "idempotencyKey", "nul-in-variables", "formValues", form))
			.execute(), "INVALID_CHARACTERS", "input.formValues[0].value");
		firstError(this.tokens.as(resident)
			.document("mutation { submitApplication(input: {item: \"370202QR0020001000\", idempotencyKey: \"nul-in-literal\", formValues: [{key: \"employerName\", value: \"青岛\\u0000顺通\"}]}) { application { id } } }")
			.execute(), "INVALID_CHARACTERS");
		firstError(this.tokens.as(resident)
			.document(SUBMIT)
			.variable("i", Map.of("item", "370202QR0020001000", "idempotencyKey", "c1-control", "formValues",
					List.of(Map.of("key", "employerName", "value", "青岛\u0085顺通"))))
			.execute(), "INVALID_CHARACTERS");
		// a retry that differs only in spacing or Unicode form is the same request
		String first = (String) this.tokens.as(resident).document(SUBMIT)
			.variable("i", Map.of("item", "370202QR0020001000", "idempotencyKey", "spacing-retry", "formValues",
					List.of(Map.of("key", "employerName", "value", "青岛海蓝数字科技有限公司"))))
			.execute().path("submitApplication.application.id").entity(String.class).get();
		this.tokens.as(resident).document(SUBMIT)
			.variable("i", Map.of("item", "370202QR0020001000", "idempotencyKey", "spacing-retry", "formValues",
					List.of(Map.of("key", "employerName", "value", "  青岛海蓝数字科技有限公司 "))))
			.execute().path("submitApplication.application.id").entity(String.class).isEqualTo(first);
	}

	@Test
	void myApplicationsCostsTheSameForAnyPageSize() {
		String resident = this.tokens.resident("13800000005");
		for (int i = 0; i < 6; i++) {
			submit(resident, "SEAMLESS_AUTH", List.of(), "page-size-000" + i);
		}
		String page = """
				query($n: Int) { myApplications(first: $n) { totalCount nodes { id title status bundle { name }
				  applicant { name } tasks { status item { name } department { shortName } }
				  materials { certificateType { name } } timeline { type department { shortName } } } } }""";
		this.commands.reset();
		this.tokens.as(resident).document(page).variable("n", 5).execute().path("myApplications.nodes").entityList(Object.class).hasSize(5);
		int small = this.commands.count();
		this.commands.reset();
		// 50: at 100 this selection exceeds the query cost limit (5,000), as it should
		this.tokens.as(resident).document(page).variable("n", 50).execute().path("myApplications.nodes").entityList(Object.class).hasSize(6);
		assertThat(this.commands.count()).isEqualTo(small);
	}

	@Test
	void theStaffQueueCostsTheSameForAnyPageSize() {
		String resident = this.tokens.resident("13800000005");
		Map<String, Object> application = null;
		for (int i = 0; i < 6; i++) {
			application = submit(resident, "SEAMLESS_AUTH", List.of(), "page-size-000" + i);
		}
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> tasks = (List<Map<String, Object>>) application.get("tasks");
		@SuppressWarnings("unchecked")
		String department = (String) ((Map<String, Object>) tasks.get(0).get("department")).get("code");
		String staff = this.tokens.staff(department);
		String page = """
				query($n: Int) { taskQueue(first: $n) { totalCount edges { cursor node { taskId } } nodes { taskId itemName status
				  application { id title applicant { name } tasks { department { shortName } item { name } }
				    timeline { type } } } } }""";
		this.commands.reset();
		GraphQlTester.Response firstPage = this.tokens.as(staff).document(page).variable("n", 5).execute();
		firstPage.path("taskQueue.nodes").entityList(Object.class).hasSize(5);
		// a real connection: each edge carries its task and a cursor to page on from
		firstPage.path("taskQueue.edges[*].node.taskId").entityList(String.class)
			.isEqualTo(firstPage.path("taskQueue.nodes[*].taskId").entityList(String.class).get());
		assertThat(firstPage.path("taskQueue.edges[*].cursor").entityList(String.class).get()).hasSize(5).doesNotHaveDuplicates();
		int small = this.commands.count();
		this.commands.reset();
		this.tokens.as(staff).document(page).variable("n", 100).execute().path("taskQueue.nodes").entityList(Object.class)
			.hasSizeGreaterThan(5);
		assertThat(this.commands.count()).isEqualTo(small);
	}

	/** The number of the social security card (RS-001) the bank verifies for this ID number. */
	private String verifiedSocialSecurityCard(String bank, String holderIdNumber) {
		return this.tokens.as(bank)
			.document("mutation($input: VerifyCertificateInput!) { verifyCertificate(input: $input) { certificateNumber fields { key value } } }")
			.variable("input", Map.of("holderIdNumber", holderIdNumber, "certificateType", "RS-001", "purpose",
					"ICBC-SSC-CHECK"))
			.execute()
			.path("verifyCertificate.certificateNumber")
			.entity(String.class)
			.get();
	}

	private Map<String, Object> submit(String token, String bundle, List<Map<String, String>> form, String key) {
		return submitResponse(token, bundle, form, key).path("submitApplication.application").entity(Maps.type()).get();
	}

	/** Submits as the app does: materials to provide (per the bundle, for this applicant) declared for the counter. */
	private GraphQlTester.Response submitResponse(String token, String bundle, List<Map<String, String>> form, String key) {
		List<String> toProvide = this.tokens.as(token)
			.document("query($b: ID!) { bundle(code: $b) { materials { name provision } } }")
			.variable("b", bundle)
			.execute()
			.path("bundle.materials[?(@.provision == 'PROVIDE')].name")
			.entityList(String.class)
			.get();
		return this.tokens.as(token)
			.document(SUBMIT)
			.variable("i", Map.of("bundle", bundle, "formValues", form, "idempotencyKey", key, "materialsAtCounter",
					toProvide))
			.execute();
	}

	private GraphQlTester.Response act(String department, String action, String applicationId, String taskId,
			String reason) {
		Map<String, Object> input = new HashMap<>(Map.of("applicationId", applicationId, "taskId", taskId));
		if (reason != null) {
			input.put("reason", reason);
		}
		return this.tokens.as(this.tokens.staff(department))
			.document("mutation($i: TaskActionInput!) { " + action + "(input: $i) { application { status version } } }")
			.variable("i", input)
			.execute();
	}

	private static String taskOf(Map<String, Object> application, String department) {
		return ((List<?>) application.get("tasks")).stream()
			.map((t) -> (Map<?, ?>) t)
			.filter((t) -> ((Map<?, ?>) t.get("department")).get("code").equals(department))
			.map((t) -> (String) t.get("id"))
			.findFirst()
			.orElseThrow();
	}

}
