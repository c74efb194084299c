package cn.tongban.certificate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.tongban.message.Message;
import cn.tongban.platform.ChinaTime;
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
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 主动办 notices: a certificate expiring within 30 days and a consent ending within 3 days each get one
 * message however often the walk runs; a consent used by its integrator is told once a day.
 */
@GraphQlIntegrationTest
@TestPropertySource(properties = { "tongban.mongodb.embedded.database=applications", "tongban.application.follow-up-interval=1h" })
@Import(ShiftedTime.class)
class CertificateNoticesTests {

	/** 周强 (13800000008, ID 370283196612018934). */
	static final String ZHOU = "13800000008";

	@Autowired
	Tokens tokens;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	CertificateNotices notices;

	@Autowired
	ShiftedClock clock;

	@AfterEach
	void reset() {
		this.clock.reset();
		this.mongo.remove(Query.query(Criteria.where("_id").regex("^crt_notice_")), Certificate.class);
		this.mongo.remove(Query.query(Criteria.where("_id").regex("^cns_notice_")), Consent.class);
	}

	@Test
	void expiringCertificatesAndConsentsAreToldOnce() {
		String holder = this.tokens.subjectId(this.tokens.resident(ZHOU));
		Certificate template = this.mongo.findOne(Query.query(Criteria.where("holderId").is(holder).and("typeCode").is("GA-001")),
				Certificate.class);
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ChinaTime.ZONE);
		this.mongo.save(copy(template, "crt_notice_soon", today.plusDays(20)));
		this.mongo.save(copy(template, "crt_notice_later", today.plusDays(40)));
		Instant now = this.clock.instant();
		this.mongo.save(new Consent("cns_notice_ending", holder, "icbc-qingdao", "ICBC-ACCOUNT-OPENING", List.of("GA-001"),
				now.minus(Duration.ofDays(5)), now.plus(Duration.ofDays(2)), null));
		this.mongo.save(new Consent("cns_notice_lasting", holder, "icbc-qingdao", "ICBC-ACCOUNT-OPENING", List.of("GA-001"),
				now.minus(Duration.ofDays(5)), now.plus(Duration.ofDays(20)), null));

		this.notices.noticeExpiring();
		this.notices.noticeExpiring();
		assertThat(messageIds(holder, "certificate-expiry:crt_notice_")).containsExactly(
				"certificate-expiry:crt_notice_soon:" + today.plusDays(20));
		assertThat(messageIds(holder, "consent-expiry:cns_notice_")).hasSize(1)
			.allSatisfy((id) -> assertThat(id).startsWith("consent-expiry:cns_notice_ending:"));
		Message soon = this.mongo.findById("certificate-expiry:crt_notice_soon:" + today.plusDays(20), Message.class);
		assertThat(soon.title()).isEqualTo("您的「居民身份证」即将到期");
		assertThat(soon.link()).isEqualTo("certificate:crt_notice_soon");

		// a week later the certificate's notice is still the one message
		this.clock.shift(Duration.ofDays(7));
		this.notices.noticeExpiring();
		assertThat(messageIds(holder, "certificate-expiry:crt_notice_")).hasSize(1);
	}

	@Test
	void aConsentUsedIsToldOnceADay() {
		String resident = this.tokens.resident(ZHOU);
		String holder = this.tokens.subjectId(resident);
		String consentId = this.tokens.as(resident)
			.document("mutation { grantConsent(input: {purpose: \"ICBC-ACCOUNT-OPENING\", days: 7}) { consent { id } } }")
			.execute()
			.path("grantConsent.consent.id")
			.entity(String.class)
			.get();
		for (int i = 0; i < 3; i++) {
			this.tokens.as(this.tokens.integrator())
				.document("mutation($i: VerifyCertificateInput!) { verifyCertificate(input: $i) { valid } }")
				.variable("i", Map.of("holderIdNumber", "370283196612018934", "certificateType", "GA-001", "purpose",
						"ICBC-ACCOUNT-OPENING"))
				.execute()
				.path("verifyCertificate.valid")
				.hasValue();
		}
		List<String> told = messageIds(holder, "consent-use:" + consentId + ":");
		assertThat(told).hasSize(1);
		Message message = this.mongo.findById(told.get(0), Message.class);
		assertThat(message.title()).isEqualTo("中国工商银行青岛分行使用了您的用证授权");
		assertThat(message.body()).contains("居民身份证").contains("用途：");
	}

	private List<String> messageIds(String holder, String prefix) {
		return this.mongo.find(Query.query(Criteria.where("holderId").is(holder).and("_id").regex("^" + prefix)), Message.class)
			.stream()
			.map(Message::id)
			.toList();
	}

	private static Certificate copy(Certificate template, String id, LocalDate validTo) {
		return new Certificate(id, id.toUpperCase(), template.typeCode(), template.holderKind(), template.holderId(),
				template.holderIdentifier(), template.holderName(), template.issuerDepartmentCode(), template.issuedOn(),
				template.validFrom(), validTo, Certificate.StoredStatus.VALID, null, template.data(), template.seal(), null,
				template.createdAt(), null);
	}

}
