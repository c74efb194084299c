package cn.tongban.certificate;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.Maps;
import cn.tongban.support.MongoCommandCounter;
import cn.tongban.support.Tokens;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The card pack, seals, consent and third-party verification, the usage log, issuance — through
 * GraphQL as the app, integrators and anonymous verifiers use them. Own database: consents and
 * usage entries made here must not leak into other test classes.
 */
@GraphQlIntegrationTest
@TestPropertySource(properties = "tongban.mongodb.embedded.database=certificates")
class CertificateTests {

	static final String ZHANG_WEI_ID_NUMBER = "370202199003151233";

	static final String VERIFY = """
			mutation($input: VerifyCertificateInput!) {
			  verifyCertificate(input: $input) { genuine valid status certificateNumber certificateType { code }
			    fields { key value } consentExpiresAt } }""";

	@Autowired
	Tokens tokens;

	@Autowired
	HttpGraphQlTester anonymous;

	@Autowired
	MockMvc mvc;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	CertificateService certificates;

	@Autowired
	MongoCommandCounter commands;

	HttpGraphQlTester holder;

	HttpGraphQlTester bank;

	@BeforeEach
	void signIn() {
		this.holder = this.tokens.as(this.tokens.resident());
		this.bank = this.tokens.as(this.tokens.integrator());
	}

	@Test
	@SuppressWarnings("unchecked")
	void theCardPackShowsMyCertificatesWithTypesAndMaskedCards() {
		GraphQlTester.Response pack = this.holder
			.document("{ myCertificates { number status type { code name } issuer { shortName } display { title validity fields { label value } } } }")
			.execute();
		List<Map<String, Object>> certificates = pack.path("myCertificates").entityList(Maps.type()).get();
		assertThat(certificates).extracting((c) -> (Object) ((Map<?, ?>) c.get("type")).get("code"))
			.contains("GA-001", "MZ-001", "GA-006", "RS-001", "ZR-001", "JY-002");
		Map<String, Object> idCard = certificates.stream()
			.filter((c) -> ((Map<?, ?>) c.get("type")).get("code").equals("GA-001"))
			.findFirst()
			.orElseThrow();
		assertThat(idCard.get("status")).isEqualTo("VALID");
		assertThat(((Map<?, ?>) idCard.get("issuer")).get("shortName")).isEqualTo("公安");
		Map<?, ?> card = (Map<?, ?>) idCard.get("display");
		assertThat(card.get("validity")).isEqualTo("2016.05.20-2036.05.20");
		assertThat((List<Object>) card.get("fields")).contains(Map.of("label", "公民身份号码", "value", "370202********1233"));
	}

	@Test
	void aCertificatePastItsValidToReadsAsExpired() {
		// 陈静's identity card ran to 2026-07-01; nothing rewrote it
		this.tokens.as(this.tokens.smsToken("13800000005", null))
			.document("{ myCertificates(status: EXPIRED) { type { code } validTo } }")
			.execute()
			.path("myCertificates[*].type.code")
			.entityList(String.class)
			.containsExactly("GA-001");
	}

	@Test
	void anotherHoldersCertificateIsNotFound() {
		String liNasCard = this.tokens.as(this.tokens.smsToken("13800000002", null))
			.document("{ myCertificates { id type { code } } }")
			.execute()
			.path("myCertificates[0].id")
			.entity(String.class)
			.get();
		this.holder.document("query($id: ID!) { certificate(id: $id) { number } }")
			.variable("id", liNasCard)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "CERTIFICATE_NOT_FOUND"));
	}

	@Test
	void aPresentedCertificateChecksGenuineAndAnyChangeIsCaught() {
		Map<String, Object> presented = presentedIdCard();
		String payload = (String) presented.get("sealedPayload");
		Map<?, ?> seal = (Map<?, ?>) presented.get("seal");
		String keyId = (String) seal.get("keyId");
		String signature = (String) seal.get("signature");
		assertThat(check(payload, keyId, signature)).containsEntry("outcome", "GENUINE").containsEntry("signatureValid", true);
		// one character of the data
		assertThat(check(payload.replace("\"gender\":\"男\"", "\"gender\":\"女\""), keyId, signature))
			.containsEntry("outcome", "TAMPERED");
		// one byte of the signature
		byte[] bytes = Base64.getDecoder().decode(signature);
		bytes[bytes.length - 1] ^= 0x01;
		assertThat(check(payload, keyId, Base64.getEncoder().encodeToString(bytes))).containsEntry("outcome",
				"TAMPERED");
		assertThat(check(payload, "SEAL-XX-20000101-0000", signature)).containsEntry("outcome", "UNKNOWN_KEY");
		assertThat(check(payload, keyId, "not base64!")).containsEntry("outcome", "TAMPERED");
	}

	@Test
	void aRevokedCertificateIsGenuineButReportedRevoked() {
		Map<String, Object> presented = this.tokens.as(this.tokens.smsToken("13800000008", null))
			.document("{ myCertificates { type { code } status statusReason sealedPayload seal { keyId signature } } }")
			.execute()
			.path("myCertificates[?(@.type.code == 'GA-006')]")
			.entityList(Maps.type())
			.get()
			.get(0);
		assertThat(presented.get("status")).isEqualTo("REVOKED");
		Map<?, ?> seal = (Map<?, ?>) presented.get("seal");
		assertThat(check((String) presented.get("sealedPayload"), (String) seal.get("keyId"), (String) seal.get("signature")))
			.containsEntry("outcome", "REVOKED")
			.containsEntry("signatureValid", true);
	}

	@Test
	void sealKeysArePublishedForOfflineChecks() throws Exception {
		String keyId = (String) ((Map<?, ?>) presentedIdCard().get("seal")).get("keyId");
		this.anonymous.document("{ sealKeys { keyId owner algorithm curve publicKey } }")
			.execute()
			.path("sealKeys[?(@.keyId == '" + keyId + "')].owner")
			.entityList(String.class)
			.containsExactly("GA");
		this.mvc.perform(get("/.well-known/seal-keys.json"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.keys[?(@.kid == '" + keyId + "')].crv").value("SM2"));
	}

	@Test
	void withoutConsentNothingIsDisclosedAndTheAttemptIsLogged() {
		String holderToken = this.tokens.smsToken("13800000003", null);
		this.tokens.as(this.tokens.client("cmcc-shandong", "cmcc-demo-secret"))
			.document(VERIFY)
			.variable("input", Map.of("holderIdNumber", "370203196511203186", "certificateType", "GA-001", "purpose",
					"CMCC-SIM-CARD"))
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getExtensions()).containsEntry("code", "CONSENT_REQUIRED")
					.containsEntry("classification", "FORBIDDEN");
			})
			.path("$.data")
			.valueIsNull();
		this.tokens.as(holderToken)
			.document("{ myCertificateUsage(first: 1) { nodes { accessor accessorName purposeName result reason } } }")
			.execute()
			.path("myCertificateUsage.nodes[0]")
			.entity(Maps.type())
			.satisfies((entry) -> assertThat(entry).containsEntry("accessor", "cmcc-shandong")
				.containsEntry("accessorName", "中国移动山东公司")
				.containsEntry("purposeName", "电话卡实名登记")
				.containsEntry("result", "DENIED"));
	}

	@Test
	void consentLifecycleGrantUseRevoke() {
		String consentId = grant("ICBC-ACCOUNT-OPENING", 30);
		GraphQlTester.Response verified = this.bank.document(VERIFY).variable("input", idCardCheck()).execute();
		verified.path("verifyCertificate.genuine").entity(Boolean.class).isEqualTo(true);
		verified.path("verifyCertificate.valid").entity(Boolean.class).isEqualTo(true);
		verified.path("verifyCertificate.certificateType.code").entity(String.class).isEqualTo("GA-001");
		// only the purpose's fields, never the address the card also carries
		verified.path("verifyCertificate.fields[*].key")
			.entityList(String.class)
			.containsExactly("holderName", "holderIdNumber", "gender", "birthDate");
		this.holder.document("mutation($id: ID!) { revokeConsent(input: {id: $id}) { consent { active revokedAt } } }")
			.variable("id", consentId)
			.execute()
			.path("revokeConsent.consent.active")
			.entity(Boolean.class)
			.isEqualTo(false);
		expectConsentRequired(this.bank.document(VERIFY).variable("input", idCardCheck()).execute());
	}

	@Test
	void anExpiredConsentStopsAccess() {
		String consentId = grant("ICBC-ACCOUNT-OPENING", 1);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(consentId)),
				Update.update("expiresAt", Instant.now().minusSeconds(1)), "certificate_consents");
		expectConsentRequired(this.bank.document(VERIFY).variable("input", idCardCheck()).execute());
	}

	@Test
	void aConsentCoversOnlyItsIntegratorPurposeAndTypes() {
		grant("ICBC-MORTGAGE", 10);
		// the bank's mortgage consent does not cover the identity card
		expectConsentRequired(this.bank.document(VERIFY)
			.variable("input", Map.of("holderIdNumber", ZHANG_WEI_ID_NUMBER, "certificateType", "GA-001", "purpose",
					"ICBC-MORTGAGE"))
			.execute());
		// another integrator cannot use the bank's purpose
		this.tokens.as(this.tokens.client("sf-express", "sf-demo-secret"))
			.document(VERIFY)
			.variable("input", Map.of("holderIdNumber", ZHANG_WEI_ID_NUMBER, "certificateType", "MZ-001", "purpose",
					"ICBC-MORTGAGE"))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "PURPOSE_NOT_FOUND"));
	}

	@Test
	void consentsAreBoundedAndPurposeLimited() {
		this.holder.document("mutation { grantConsent(input: {purpose: \"ICBC-ACCOUNT-OPENING\", days: 91}) { consent { id } } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "INVALID_ARGUMENT")
				.containsEntry("field", "input.days"));
		this.holder
			.document("mutation { grantConsent(input: {purpose: \"ICBC-ACCOUNT-OPENING\", certificateTypes: [\"MZ-001\"], days: 5}) { consent { id } } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getExtensions()).containsEntry("field", "input.certificateTypes"));
	}

	@Test
	void theUsageLogChainDetectsAlteredAndRemovedEntries() {
		String token = this.tokens.smsToken("13800000007", null);
		HttpGraphQlTester sunLi = this.tokens.as(token);
		HttpGraphQlTester courier = this.tokens.as(this.tokens.client("sf-express", "sf-demo-secret"));
		Map<String, Object> check = Map.of("holderIdNumber", "370281199502147840", "certificateType", "GA-001", "purpose",
				"SF-REAL-NAME");
		for (int i = 0; i < 3; i++) {
			courier.document(VERIFY).variable("input", check).execute();
		}
		sunLi.document("mutation { grantConsent(input: {purpose: \"SF-REAL-NAME\", days: 7}) { consent { id } } }")
			.execute()
			.path("grantConsent.consent.id")
			.hasValue();
		courier.document(VERIFY).variable("input", check).execute().path("verifyCertificate.fields[*].key")
			.entityList(String.class).containsExactly("holderName");
		String chain = "{ verifyMyCertificateUsage { intact entries brokenAtSequence problem } }";
		sunLi.document(chain).execute().path("verifyMyCertificateUsage").entity(Maps.type())
			.satisfies((result) -> assertThat(result).containsEntry("intact", true).containsEntry("entries", 4));
		String holderId = this.mongo.findOne(Query.query(Criteria.where("mobile").is("13800000007")), Map.class, "people")
			.get("_id").toString();
		// an insider changes entry 2 from DENIED to ALLOWED
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(holderId + ":000000000002")),
				Update.update("result", "ALLOWED"), "certificate_usage");
		sunLi.document(chain).execute().path("verifyMyCertificateUsage").entity(Maps.type())
			.satisfies((result) -> assertThat(result).containsEntry("intact", false)
				.containsEntry("brokenAtSequence", 2)
				.containsEntry("problem", "entry was altered"));
		// and removes entry 3 after putting entry 2 back
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(holderId + ":000000000002")),
				Update.update("result", "DENIED"), "certificate_usage");
		this.mongo.remove(Query.query(Criteria.where("_id").is(holderId + ":000000000003")), "certificate_usage");
		sunLi.document(chain).execute().path("verifyMyCertificateUsage.brokenAtSequence").entity(Integer.class).isEqualTo(3);
	}

	@Test
	void concurrentAccessesKeepOneUnbrokenChain() throws Exception {
		String token = this.tokens.smsToken("13800000006", null);
		this.tokens.as(token)
			.document("mutation { grantConsent(input: {purpose: \"PICC-CLAIM\", days: 7}) { consent { id } } }")
			.execute()
			.path("grantConsent.consent.id")
			.hasValue();
		HttpGraphQlTester insurer = this.tokens.as(this.tokens.client("picc-qingdao", "picc-demo-secret"));
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<CompletableFuture<Void>> calls = IntStream.range(0, 24)
				.mapToObj((i) -> CompletableFuture.runAsync(() -> insurer.document(VERIFY)
					.variable("input", Map.of("holderIdNumber", "370214197809096719", "certificateType", "GA-007",
							"purpose", "PICC-CLAIM"))
					.execute()
					.path("verifyCertificate.genuine")
					.entity(Boolean.class)
					.isEqualTo(true), pool))
				.toList();
			CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
		}
		finally {
			pool.shutdown();
		}
		this.tokens.as(token).document("{ verifyMyCertificateUsage { intact entries } }").execute()
			.path("verifyMyCertificateUsage").entity(Maps.type())
			.satisfies((result) -> assertThat(result).containsEntry("intact", true).containsEntry("entries", 24));
	}

	@Test
	void issuingForAnApplicationIsIdempotent() throws Exception {
		String holderId = this.mongo.findOne(Query.query(Criteria.where("mobile").is("13800000001")), Map.class, "people")
			.get("_id").toString();
		CertificateService.IssueRequest request = new CertificateService.IssueRequest("app_test_0001", "WJ-001",
				holderId, ZHANG_WEI_ID_NUMBER, "张小宝", Map.of("holderName", "张小宝", "gender", "男", "birthDate",
						"2026-11-20", "fatherName", "张伟", "fatherIdNumber", ZHANG_WEI_ID_NUMBER));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<CompletableFuture<Certificate>> issues = IntStream.range(0, 8)
				.mapToObj((i) -> CompletableFuture.supplyAsync(() -> this.certificates.issue(request), pool))
				.toList();
			List<String> ids = issues.stream().map(CompletableFuture::join).map(Certificate::id).distinct().toList();
			assertThat(ids).hasSize(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.certificates.issue(request).number()).startsWith("WJ001-");
		this.holder.document("{ myCertificates { type { code } holderName } }")
			.execute()
			.path("myCertificates[?(@.type.code == 'WJ-001')].holderName")
			.entityList(String.class)
			.containsExactly("张小宝");
	}

	@Test
	void theMaterialsACertificateCanReplace() {
		String holderId = this.mongo.findOne(Query.query(Criteria.where("mobile").is("13800000006")), Map.class, "people")
			.get("_id").toString();
		// 赵磊's driving licence expired on 2026-10-10: it cannot stand in for the material any more
		assertThat(this.certificates.validByType(holderId, List.of("GA-001", "GA-006", "GA-007")).keySet())
			.containsExactlyInAnyOrder("GA-001", "GA-007");
	}

	@Test
	void onlyHoldersHaveACardPack() {
		this.tokens.as(this.tokens.staff("GA"))
			.document("{ myCertificates { id } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "FORBIDDEN"));
		this.tokens.as(this.tokens.enterpriseAgent())
			.document("{ myCertificates { type { code } holderName } }")
			.execute()
			.path("myCertificates[*].holderName")
			.entityList(String.class)
			.containsExactly("青岛海蓝数字科技有限公司");
	}

	private String grant(String purpose, int days) {
		return this.holder.document("mutation($p: ID!, $d: Int!) { grantConsent(input: {purpose: $p, days: $d}) { consent { id active } } }")
			.variable("p", purpose)
			.variable("d", days)
			.execute()
			.path("grantConsent.consent.id")
			.entity(String.class)
			.get();
	}

	private static Map<String, Object> idCardCheck() {
		return Map.of("holderIdNumber", ZHANG_WEI_ID_NUMBER, "certificateType", "GA-001", "purpose",
				"ICBC-ACCOUNT-OPENING");
	}

	@Test
	void theCardPackCostsTheSameRoundTripsHoweverManyCertificatesItHolds() {
		String resident = this.tokens.resident();
		String pack = """
				{ myCertificates { id number holderName type { name issuingDepartment { name } } issuer { name }
				  status display { title } } }""";
		this.commands.reset();
		int held = this.tokens.as(resident).document(pack).execute().path("myCertificates").entityList(Object.class).get().size();
		int few = this.commands.count();
		// copies of a certificate no other test here looks up by type, removed afterwards
		Query copies = Query.query(Criteria.where("number").regex("^PACK-SIZE-"));
		Document template = this.mongo.findOne(Query.query(
				Criteria.where("holderId").is(this.tokens.subjectId(resident)).and("typeCode").is("JY-002")),
				Document.class, "certificates");
		try {
			for (int i = 0; i < 20; i++) {
				Document copy = new Document(template);
				copy.put("_id", "cert_pack_size_" + i);
				copy.put("number", "PACK-SIZE-" + i);
				this.mongo.insert(copy, "certificates");
			}
			this.commands.reset();
			this.tokens.as(resident).document(pack).execute().path("myCertificates").entityList(Object.class)
				.hasSize(held + 20);
			assertThat(this.commands.count()).isEqualTo(few);
		}
		finally {
			this.mongo.remove(copies, "certificates");
		}
	}

	private static void expectConsentRequired(GraphQlTester.Response response) {
		response.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "CONSENT_REQUIRED"))
			.path("$.data")
			.valueIsNull();
	}

	private Map<String, Object> presentedIdCard() {
		return this.holder.document("{ myCertificates { type { code } sealedPayload seal { keyId signature } } }")
			.execute()
			.path("myCertificates[?(@.type.code == 'GA-001')]")
			.entityList(Maps.type())
			.get()
			.get(0);
	}

	private Map<String, Object> check(String payload, String keyId, String signature) {
		return this.anonymous
			.document("query($p: String!, $k: String!, $s: String!) { checkSeal(payload: $p, keyId: $k, signature: $s) { outcome certificateNumber signatureValid } }")
			.variable("p", payload)
			.variable("k", keyId)
			.variable("s", signature)
			.execute()
			.path("checkSeal")
			.entity(Maps.type())
			.get();
	}


}
