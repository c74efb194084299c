package cn.tongban.certificate;

import java.time.Duration;
import java.util.List;

import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.ShiftedClock;
import cn.tongban.support.ShiftedTime;
import cn.tongban.support.Tokens;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integrators' webhook events are written through a pending flag set with the change (a consent
 * granted or revoked, a certificate revoked): a crash before the event, or between the event and
 * clearing the flag, ends with exactly one event per change.
 */
@GraphQlIntegrationTest
@TestPropertySource(properties = { "tongban.mongodb.embedded.database=applications", "tongban.application.follow-up-interval=1h" })
@Import(ShiftedTime.class)
class WebhookFollowUpTests {

	/** 赵磊 (13800000006). */
	static final String ZHAO = "13800000006";

	@Autowired
	Tokens tokens;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	WebhookFollowUp followUp;

	@Autowired
	CertificateService certificates;

	@Autowired
	UsageLog usage;

	@Autowired
	ShiftedClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aCrashAroundTheEventEndsWithExactlyOneEventPerChange() {
		String consentId = this.tokens.as(this.tokens.resident(ZHAO))
			.document("mutation { grantConsent(input: {purpose: \"ICBC-ACCOUNT-OPENING\", days: 7}) { consent { id } } }")
			.execute()
			.path("grantConsent.consent.id")
			.entity(String.class)
			.get();
		assertThat(events(consentId)).containsExactly("CONSENT_GRANTED");
		assertThat(pending(consentId)).as("cleared once stored").isFalse();

		// crash after the grant, before its event: the flag is still set and the event missing
		this.mongo.remove(Query.query(Criteria.where("data.consentId").is(consentId)), "webhook_events");
		setPending(consentId);
		this.followUp.emitPending();
		assertThat(events(consentId)).as("too recent: the request may still be emitting").isEmpty();
		this.clock.shift(Duration.ofMinutes(1));
		this.followUp.emitPending();
		assertThat(events(consentId)).containsExactly("CONSENT_GRANTED");
		assertThat(pending(consentId)).isFalse();

		// crash after the event, before the flag was cleared: emitting again stores nothing
		setPending(consentId);
		this.followUp.emitPending();
		assertThat(events(consentId)).containsExactly("CONSENT_GRANTED");
		assertThat(pending(consentId)).isFalse();

		this.tokens.as(this.tokens.resident(ZHAO))
			.document("mutation($id: ID!) { revokeConsent(input: {id: $id}) { consent { revokedAt } } }")
			.variable("id", consentId)
			.execute()
			.path("revokeConsent.consent.revokedAt")
			.hasValue();
		assertThat(events(consentId)).containsExactly("CONSENT_GRANTED", "CONSENT_REVOKED");
	}

	@Test
	void aRevokedCertificatesEventsSurviveACrashToo() {
		String holder = this.tokens.subjectId(this.tokens.resident(ZHAO));
		Certificate card = this.certificates.validByType(holder, List.of("GA-001")).get("GA-001");
		Certificate copy = new Certificate("crt_follow_up_test", "FOLLOW-UP-TEST-1", card.typeCode(), card.holderKind(),
				card.holderId(), card.holderIdentifier(), card.holderName(), card.issuerDepartmentCode(), card.issuedOn(),
				card.validFrom(), card.validTo(), Certificate.StoredStatus.VALID, null, card.data(), card.seal(), null,
				card.createdAt(), null);
		this.mongo.save(copy);
		try {
			this.usage.append(holder, "icbc-qingdao", "中国工商银行青岛分行", new Purpose("ICBC-ACCOUNT-OPENING", "icbc-qingdao",
					"开户", null, List.of("GA-001"), List.of()), copy, "GA-001", UsageEntry.Result.ALLOWED, null);
			this.certificates.revoke(copy.id(), "测试注销", "admin");
			assertThat(revocationEvents()).isEqualTo(1);
			this.mongo.remove(Query.query(Criteria.where("data.certificateNumber").is("FOLLOW-UP-TEST-1")), "webhook_events");
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(copy.id())), Update.update("webhookPending", true),
					Certificate.class);
			this.clock.shift(Duration.ofMinutes(1));
			this.followUp.emitPending();
			this.followUp.emitPending();
			assertThat(revocationEvents()).isEqualTo(1);
			assertThat(this.mongo.exists(Query.query(Criteria.where("_id").is(copy.id()).and("webhookPending").is(true)),
					Certificate.class)).isFalse();
		}
		finally {
			this.mongo.remove(Query.query(Criteria.where("_id").is(copy.id())), Certificate.class);
		}
	}

	private long revocationEvents() {
		return this.mongo.count(Query.query(Criteria.where("kind").is("CERTIFICATE_REVOKED")
			.and("data.certificateNumber").is("FOLLOW-UP-TEST-1")), "webhook_events");
	}

	private List<String> events(String consentId) {
		return this.mongo.find(Query.query(Criteria.where("data.consentId").is(consentId)).with(Sort.by("sequence")), Document.class, "webhook_events")
			.stream()
			.map((event) -> event.getString("kind"))
			.toList();
	}

	private boolean pending(String consentId) {
		return Boolean.TRUE.equals(this.mongo.findById(consentId, Consent.class).webhookPending());
	}

	private void setPending(String consentId) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(consentId)), Update.update("webhookPending", true),
				Consent.class);
	}

}
