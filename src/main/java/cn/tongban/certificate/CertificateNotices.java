package cn.tongban.certificate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import cn.tongban.identity.IdentityService;
import cn.tongban.message.MessageCentre;
import cn.tongban.message.MessageKind;
import cn.tongban.platform.ChinaTime;
import cn.tongban.platform.jobs.JobLeases;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What the holder hears about their certificates (主动办): a certificate that expires within
 * {@link #CERTIFICATE_NOTICE} (time to renew it), a consent that ends within {@link #CONSENT_NOTICE},
 * and a consent used by its integrator (once a day per consent: the usage log has every use). Each
 * message id names what it is about, so a second run or a second instance posts nothing twice. One
 * instance at a time runs the expiry walk ({@link JobLeases}).
 */
@Component
class CertificateNotices {

	static final String JOB = "certificate.expiry-notices";

	static final Duration CERTIFICATE_NOTICE = Duration.ofDays(30);

	static final Duration CONSENT_NOTICE = Duration.ofDays(3);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ChinaTime.ZONE);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ChinaTime.ZONE);

	private final MongoTemplate mongo;

	private final MessageCentre messages;

	private final CertificateTypeService types;

	private final IdentityService identity;

	private final JobLeases leases;

	private final Clock clock;

	/** Consent-use messages this instance already posted: a repeat costs no database write. */
	private final Cache<String, Boolean> usesPosted = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(Duration.ofDays(1))
		.build();

	CertificateNotices(MongoTemplate mongo, MessageCentre messages, CertificateTypeService types,
			IdentityService identity, JobLeases leases, Clock clock) {
		this.mongo = mongo;
		this.messages = messages;
		this.types = types;
		this.identity = identity;
		this.leases = leases;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${tongban.certificate.notice-interval:6h}", initialDelayString = "${tongban.certificate.notice-interval:6h}")
	void run() {
		this.leases.run(JOB, this::noticeExpiring);
	}

	/** Posts the expiry notices not posted yet; returns how many were new. */
	int noticeExpiring() {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ChinaTime.ZONE);
		int posted = 0;
		for (Certificate certificate : this.mongo.find(Query.query(Criteria.where("status").is(Certificate.StoredStatus.VALID)
			.and("holderKind").is(CertificateType.HolderKind.PERSON)
			.and("validTo").gte(today).lte(today.plusDays(CERTIFICATE_NOTICE.toDays()))), Certificate.class)) {
			String type = typeName(certificate.typeCode());
			posted += this.messages.post("certificate-expiry:" + certificate.id() + ":" + certificate.validTo(),
					certificate.holderId(), MessageKind.CERTIFICATE, "您的「" + type + "」即将到期",
					"您的「" + type + "」（" + certificate.number() + "）将于 " + certificate.validTo()
							+ " 到期，请及时办理换领；在通办搜索「" + type + "」可查看办理指南。",
					"certificate:" + certificate.id()) ? 1 : 0;
		}
		for (Consent consent : this.mongo.find(Query.query(Criteria.where("revokedAt").is(null)
			.and("expiresAt").gt(now).lte(now.plus(CONSENT_NOTICE))), Consent.class)) {
			String integrator = this.identity.clientName(consent.integratorClientId());
			posted += this.messages.post("consent-expiry:" + consent.id() + ":" + consent.expiresAt().toEpochMilli(),
					consent.holderId(), MessageKind.CONSENT, "对" + integrator + "的用证授权即将到期",
					"您授权 " + integrator + " 查验证照的授权将于 " + DAY.format(consent.expiresAt()) + " 到期；到期后对方不能再查验，如需继续请重新授权。",
					"consent:" + consent.id()) ? 1 : 0;
		}
		return posted;
	}

	/** An integrator verified a certificate under the holder's consent: the first use of a China day is told. */
	void consentUsed(Consent consent, String integratorName, Purpose purpose, String typeCode) {
		Instant now = this.clock.instant();
		String id = "consent-use:" + consent.id() + ":" + LocalDate.ofInstant(now, ChinaTime.ZONE);
		if (this.usesPosted.getIfPresent(id) != null) {
			return;
		}
		this.messages.postAfterChange(id, consent.holderId(), MessageKind.CONSENT, integratorName + "使用了您的用证授权",
				integratorName + " 于 " + TIME.format(now) + " 依您的授权查验了「" + typeName(typeCode) + "」（用途：" + purpose.name()
						+ "）。当日再有查验不另行通知，每一次查验见用证记录。",
				"consent:" + consent.id());
		this.usesPosted.put(id, Boolean.TRUE);
	}

	private String typeName(String typeCode) {
		CertificateType type = (typeCode != null) ? this.types.byCode(typeCode) : null;
		return (type != null) ? type.name() : "证照";
	}

}
