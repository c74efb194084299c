package cn.tongban.code;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.tongban.platform.crypto.KeyRing;
import cn.tongban.platform.crypto.Sm2;
import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.Maps;
import cn.tongban.support.ShiftedClock;
import cn.tongban.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static cn.tongban.support.GraphQlErrors.onlyError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Resident and enterprise codes from issue to scan, and every way a scan can be refused. */
@GraphQlIntegrationTest
@TestPropertySource(properties = "tongban.mongodb.embedded.database=codes")
@Import(ResidentCodeTests.Time.class)
class ResidentCodeTests {

	/** The application's clock, which a test may move instead of waiting. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Time {

		@Bean
		@Primary
		ShiftedClock shiftedClock() {
			return new ShiftedClock();
		}

	}

	static final String SCAN = """
			mutation($input: ScanCodeInput!) {
			  scanCode(input: $input) { scenario { code } issuerId issuer { issuerId local } holderKind disclosed name maskedName maskedIdNumber
			    fare certificates { number type { code } } medicalInsurance libraryCard residentOfDistrict } }""";

	/** 收养登记 at city level: materials replaceable by GA-001, GA-002 and MZ-001. */
	static final String ADOPTION = "370200QR0040004000";

	@Autowired
	Tokens tokens;

	@Autowired
	TrustList trust;

	@Autowired
	MockMvc mvc;

	@Autowired
	ShiftedClock clock;

	@Test
	void issuingAnswersItsOwnPayloadThatAFragmentOnResidentCodePayloadFits() {
		GraphQlTester.Response issued = this.tokens.as(this.tokens.resident("13800000001"))
			.document("mutation { issueResidentCode { __typename ... on ResidentCodePayload { byteSize } } }")
			.execute();
		issued.path("issueResidentCode.__typename").entity(String.class).isEqualTo("IssueResidentCodePayload");
		issued.path("issueResidentCode.byteSize").entity(Integer.class).isEqualTo(98);
	}

	@Test
	void anIssuedCodeIsRefusedOnceItsMinuteIsOverOnTheServicesClock() {
		String code = (String) issue(this.tokens.resident("13800000001")).get("code");
		try {
			this.clock.shift(Duration.ofSeconds(55));
			scan("terminal-library-qd-01", Map.of("code", code)).path("scanCode.name").hasValue();
			this.clock.shift(Duration.ofSeconds(10));
			onlyError(scan("terminal-library-qd-01", Map.of("code", code)), "CODE_EXPIRED");
		}
		finally {
			this.clock.reset();
		}
	}

	@Test
	void aCodeIsCompactSignedAndItsQrReadsBack() throws Exception {
		Map<String, Object> issued = issue(this.tokens.resident());
		String code = (String) issued.get("code");
		assertThat(code).startsWith("TB1.").hasSize(135);
		assertThat(issued).containsEntry("issuer", "QDM").containsEntry("byteSize", 98);
		// short-lived: valid from now for at most 60 seconds (the format's limit)
		Instant expiresAt = OffsetDateTime.parse((String) issued.get("expiresAt")).toInstant();
		assertThat(expiresAt).isAfter(Instant.now()).isBeforeOrEqualTo(Instant.now().plusSeconds(61));
		assertThat(QrImageTests.read((String) issued.get("qrImage"))).isEqualTo(code);
		// the payload names no person: only a random reference
		assertThat(new String(Base64.getUrlDecoder().decode(code.substring(4)), StandardCharsets.ISO_8859_1))
			.doesNotContain("370202199003151233").doesNotContain("psn_");
	}

	@SuppressWarnings("unchecked")
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "terminal-bus-k1-0001, FARE_CATEGORY", "terminal-counter-xz-01, NAME MASKED_ID_NUMBER CERTIFICATES_FOR_ITEM",
			"terminal-hospital-qd-01, NAME MASKED_ID_NUMBER MEDICAL_INSURANCE",
			"terminal-library-qd-01, NAME LIBRARY_CARD_STATUS", "terminal-scenic-laoshan-01, FARE_CATEGORY",
			"terminal-community-xg-01, MASKED_NAME RESIDENT_OF_DISTRICT" })
	void eachScenarioLearnsExactlyWhatItDeclares(String terminal, String declared) {
		String code = (String) issue(this.tokens.resident("13800000002")).get("code");
		Map<String, Object> input = new LinkedHashMap<>(Map.of("code", code));
		if (terminal.contains("counter")) {
			input.put("serviceItemCode", ADOPTION);
		}
		Map<String, Object> result = scan(terminal, input).path("scanCode").entity(Maps.type()).get();
		Set<String> expected = Set.of(declared.split(" "));
		assertThat((List<Object>) result.get("disclosed")).containsExactlyInAnyOrderElementsOf(expected);
		Map<String, String> fieldOf = Map.of("NAME", "name", "MASKED_NAME", "maskedName", "MASKED_ID_NUMBER",
				"maskedIdNumber", "FARE_CATEGORY", "fare", "CERTIFICATES_FOR_ITEM", "certificates",
				"MEDICAL_INSURANCE", "medicalInsurance", "LIBRARY_CARD_STATUS", "libraryCard",
				"RESIDENT_OF_DISTRICT", "residentOfDistrict");
		fieldOf.forEach((disclosure, field) -> {
			if (expected.contains(disclosure)) {
				assertThat(result.get(field)).as(field).isNotNull();
			}
			else {
				assertThat(result.get(field)).as(field + " must not be disclosed").isNull();
			}
		});
	}

	@Test
	void disclosedValuesAreRight() {
		String code = (String) issue(this.tokens.resident("13800000002")).get("code");
		Map<String, Object> hospital = scan("terminal-hospital-qd-01", Map.of("code", code)).path("scanCode")
			.entity(Maps.type()).get();
		assertThat(hospital).containsEntry("name", "李娜")
			.containsEntry("maskedIdNumber", "370202********2460")
			.containsEntry("medicalInsurance", "职工基本医疗保险");
		Map<String, Object> gate = scan("terminal-community-xg-01", Map.of("code", code)).path("scanCode")
			.entity(Maps.type()).get();
		assertThat(gate).containsEntry("maskedName", "李*").containsEntry("residentOfDistrict", true);
		// 周强 holds a valid 残疾人证: he rides as DISABLED
		String zhou = (String) issue(this.tokens.resident("13800000008")).get("code");
		scan("terminal-bus-k1-0001", Map.of("code", zhou)).path("scanCode.fare").entity(String.class)
			.isEqualTo("DISABLED");
	}

	@Test
	void theCounterGetsTheCertificatesForTheItemAndTheAccessIsLogged() {
		String residentToken = this.tokens.resident();
		String code = (String) issue(residentToken).get("code");
		scan("terminal-counter-xz-01", Map.of("code", code, "serviceItemCode", ADOPTION)).path("scanCode.certificates[*].type.code")
			.entityList(String.class)
			.satisfies((types) -> assertThat(types).containsExactlyInAnyOrder("GA-001", "MZ-001"));
		this.tokens.as(residentToken)
			.document("{ myCertificateUsage(first: 2) { nodes { accessor accessorName purposeName result certificateType { code } } } }")
			.execute()
			.path("myCertificateUsage.nodes")
			.entityList(Maps.type())
			.satisfies((entries) -> assertThat(entries).allSatisfy((entry) -> assertThat(entry)
				.containsEntry("accessor", "terminal-counter-xz-01")
				.containsEntry("accessorName", "市民中心综合窗口 01 号")
				.containsEntry("purposeName", "亮码办事：收养登记")
				.containsEntry("result", "ALLOWED")));
	}

	@Test
	void theLibraryReadsTheCardStatusFromTheReaderCardInTheCardPack() {
		String withCard = (String) issue(this.tokens.resident("13800000002")).get("code");
		scan("terminal-library-qd-01", Map.of("code", withCard)).path("scanCode.libraryCard")
			.entity(String.class)
			.isEqualTo("ACTIVE");
		// 王芳 lives in Qingdao too, but holds no reader card
		String withoutCard = (String) issue(this.tokens.resident("13800000003")).get("code");
		scan("terminal-library-qd-01", Map.of("code", withoutCard)).path("scanCode.libraryCard")
			.entity(String.class)
			.isEqualTo("NOT_REGISTERED");
	}

	@Test
	void aSingleUseScenarioRefusesTheSecondScanAReusableOneDoesNot() {
		String code = (String) issue(this.tokens.resident("13800000003")).get("code");
		scan("terminal-bus-k1-0001", Map.of("code", code)).path("scanCode.fare").hasValue();
		onlyError(scan("terminal-bus-k1-0001", Map.of("code", code)), "CODE_REPLAYED");
		scan("terminal-library-qd-01", Map.of("code", code)).path("scanCode.name").hasValue();
		scan("terminal-library-qd-01", Map.of("code", code)).path("scanCode.name").hasValue();
	}

	@Test
	void forgedTamperedExpiredAndForeignCodesAreRefused() {
		String code = (String) issue(this.tokens.resident("13800000006")).get("code");
		byte[] bytes = Base64.getUrlDecoder().decode(code.substring(4));
		// one byte of the payload (the validity)
		byte[] tampered = bytes.clone();
		tampered[25] = (byte) 120;
		onlyError(scan("terminal-library-qd-01", Map.of("code", text(tampered))), "BAD_SIGNATURE");
		// a signature from another key
		KeyRing.Entry forger = KeyRing.inMemory().generate("forger", "QDM");
		byte[] payload = Arrays.copyOf(bytes, CodeFormat.PAYLOAD_BYTES);
		onlyError(scan("terminal-library-qd-01", Map.of("code", CodeFormat.text(payload, Sm2.toRaw(forger.sign(payload))))),
				"BAD_SIGNATURE");
		// a genuine signature on a code two minutes old
		KeyRing.Entry ours = this.trust.signingKey();
		byte[] old = CodeFormat.payload("QDM", ours.keyId(), HolderKind.PERSON, Arrays.copyOfRange(bytes, 9, 21),
				Instant.now().minus(2, ChronoUnit.MINUTES), 60, new byte[8]);
		onlyError(scan("terminal-library-qd-01", Map.of("code", CodeFormat.text(old, Sm2.toRaw(ours.sign(old))))),
				"CODE_EXPIRED");
		// an issuer nobody trusts
		byte[] foreign = CodeFormat.payload("XYZ", "XYZ-1", HolderKind.PERSON, new byte[12], Instant.now(), 60, new byte[8]);
		onlyError(scan("terminal-library-qd-01", Map.of("code", CodeFormat.text(foreign, Sm2.toRaw(forger.sign(foreign))))),
				"UNKNOWN_ISSUER");
		onlyError(scan("terminal-library-qd-01", Map.of("code", "not a code")), "CODE_MALFORMED");
	}

	@Test
	void revokedAndSupersededCodesFailAndEveryAttemptIsRecorded() {
		String token = this.tokens.resident("13800000007");
		String first = (String) issue(token).get("code");
		String second = (String) issue(token).get("code");
		onlyError(scan("terminal-library-qd-01", Map.of("code", first)), "CODE_REVOKED");
		scan("terminal-library-qd-01", Map.of("code", second)).path("scanCode.name").entity(String.class).isEqualTo("孙丽");
		this.tokens.as(token).document("mutation { revokeMyCodes { revokedCount } }").execute()
			.path("revokeMyCodes.revokedCount").entity(Long.class).isEqualTo(1L);
		onlyError(scan("terminal-library-qd-01", Map.of("code", second)), "CODE_REVOKED");
		GraphQlTester.Response scans = this.tokens.as(token)
			.document("{ myScans { totalCount nodes { terminalName scenario { code } accepted code result issuer { issuerId } } } }")
			.execute();
		scans.path("myScans.nodes[*].accepted").entityList(Boolean.class).containsExactly(false, true, false);
		scans.path("myScans.nodes[*].code").entityList(Object.class).containsExactly("CODE_REVOKED", null, "CODE_REVOKED");
		// the deprecated text form
		scans.path("myScans.nodes[*].result").entityList(String.class)
			.containsExactly("CODE_REVOKED", "ACCEPTED", "CODE_REVOKED");
		scans.path("myScans.nodes[*].issuer.issuerId").entityList(String.class).containsExactly("QDM", "QDM", "QDM");
	}

	@Test
	void theProvincialCodeIsAcceptedToo() throws Exception {
		String body = this.mvc.perform(get("/dev/provincial-code").param("mobile", "13800000004"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String code = (String) JsonMapper.builder().build().readValue(body, Map.class).get("code");
		Map<String, Object> result = scan("terminal-library-qd-01", Map.of("code", code)).path("scanCode")
			.entity(Maps.type()).get();
		assertThat(result).containsEntry("issuerId", "LTM").containsEntry("name", "刘洋");
		assertThat(result.get("issuer")).isEqualTo(Map.of("issuerId", "LTM", "local", false));
		this.tokens.as(this.tokens.enterpriseAgent()).document("{ codeIssuers { issuerId keys { keyId } } }").execute()
			.path("codeIssuers[*].issuerId").entityList(String.class).contains("QDM", "LTM");
	}

	@Test
	void anotherIssuersCodeIsGoodFor60SecondsWhateverItClaims() throws Exception {
		String body = this.mvc.perform(get("/dev/provincial-code").param("mobile", "13800000004"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String genuine = (String) JsonMapper.builder().build().readValue(body, Map.class).get("code");
		byte[] subject = Arrays.copyOfRange(Base64.getUrlDecoder().decode(genuine.substring(4)), 9, 21);
		TrustList.SigningKey provincial = this.trust.simulationKey("LTM");
		byte[] stale = CodeFormat.payload("LTM", provincial.keyId(), HolderKind.PERSON, subject,
				Instant.now().minusSeconds(200), 255, new byte[8]);
		onlyError(scan("terminal-library-qd-01", Map.of("code", CodeFormat.text(stale, provincial.sign(stale)))),
				"CODE_EXPIRED");
		byte[] fresh = CodeFormat.payload("LTM", provincial.keyId(), HolderKind.PERSON, subject,
				Instant.now().minusSeconds(30), 255, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
		scan("terminal-library-qd-01", Map.of("code", CodeFormat.text(fresh, provincial.sign(fresh))))
			.path("scanCode.issuerId").entity(String.class).isEqualTo("LTM");
		byte[] future = CodeFormat.payload("LTM", provincial.keyId(), HolderKind.PERSON, subject,
				Instant.now().plusSeconds(120), 60, new byte[] { 8, 7, 6, 5, 4, 3, 2, 1 });
		onlyError(scan("terminal-library-qd-01", Map.of("code", CodeFormat.text(future, provincial.sign(future)))),
				"CODE_EXPIRED");
	}

	@Test
	void enterpriseCodesWorkAtTheCounterButNotOnTheBus() {
		String agent = this.tokens.enterpriseAgent();
		String code = (String) this.tokens.as(agent)
			.document("mutation { issueEnterpriseCode { code } }")
			.execute()
			.path("issueEnterpriseCode.code")
			.entity(String.class)
			.get();
		onlyError(scan("terminal-bus-k1-0001", Map.of("code", code)), "SCENARIO_NOT_ALLOWED");
		Map<String, Object> counter = scan("terminal-counter-xz-01",
				Map.of("code", code, "serviceItemCode", "370200XK0090006000")).path("scanCode").entity(Maps.type()).get();
		assertThat(counter).containsEntry("holderKind", "ENTERPRISE").containsEntry("name", "青岛海蓝数字科技有限公司");
		assertThat((List<?>) counter.get("certificates")).hasSize(1);
	}

	@Test
	void aBatchReportsEachScanAndRecordsThemAll() {
		String token = this.tokens.resident("13800000005");
		String code = (String) issue(token).get("code");
		Map<String, Object> batch = this.tokens.as(this.tokens.client("terminal-bus-k1-0001", "terminal-demo-secret"))
			.document("mutation($scans: [ScanCodeInput!]!) { scanCodes(input: {scans: $scans}) { accepted refused results { index code errorCode result { fare fareCategory } } } }")
			.variable("scans", List.of(Map.of("code", code), Map.of("code", code), Map.of("code", "junk")))
			.execute()
			.path("scanCodes")
			.entity(Maps.type())
			.get();
		assertThat(batch).containsEntry("accepted", 1).containsEntry("refused", 2);
		assertThat((List<?>) batch.get("results")).extracting((r) -> (Object) ((Map<?, ?>) r).get("code"))
			.containsExactly(null, "CODE_REPLAYED", "CODE_MALFORMED");
		assertThat((List<?>) batch.get("results")).extracting((r) -> (Object) ((Map<?, ?>) r).get("errorCode"))
			.as("the deprecated text form").containsExactly(null, "CODE_REPLAYED", "CODE_MALFORMED");
		Map<?, ?> accepted = (Map<?, ?>) ((Map<?, ?>) ((List<?>) batch.get("results")).get(0)).get("result");
		assertThat(accepted.get("fare")).as("the enum and its deprecated text form").isNotNull()
			.isEqualTo(accepted.get("fareCategory"));
		this.tokens.as(token).document("{ myScans { nodes { result } } }").execute()
			.path("myScans.nodes[*].result").entityList(String.class).hasSize(2);
	}

	@Test
	void onlyTerminalsScan() {
		String code = (String) issue(this.tokens.resident()).get("code");
		this.tokens.as(this.tokens.integrator()).document(SCAN).variable("input", Map.of("code", code)).execute()
			.errors().satisfy((errors) -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "FORBIDDEN"));
	}

	private Map<String, Object> issue(String token) {
		return this.tokens.as(token)
			.document("mutation { issueResidentCode { code expiresAt issuer keyId byteSize qrImage } }")
			.execute()
			.path("issueResidentCode")
			.entity(Maps.type())
			.get();
	}

	private GraphQlTester.Response scan(String terminal, Map<String, Object> input) {
		HttpGraphQlTester tester = this.tokens.as(this.tokens.client(terminal, "terminal-demo-secret"));
		return tester.document(SCAN).variable("input", input).execute();
	}

	private static String text(byte[] all) {
		return CodeFormat.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(all);
	}

}
