package cn.tongban.certificate;

import java.time.Clock;
import java.time.Instant;

import cn.tongban.platform.jobs.JobLeases;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Stores the integrators' webhook events that a crash (or a failed write) left after a consent was
 * granted or revoked, or a certificate revoked: documents whose {@value #PENDING} flag is still set
 * 10 s after their change. Emitting is idempotent, so an event stored before the crash is not
 * doubled. One instance at a time runs a batch ({@link JobLeases}).
 */
@Component
class WebhookFollowUp {

	static final String JOB = "certificate.webhook-follow-up";

	/** The flag set in the same write as the change whose events are still to be stored. */
	static final String PENDING = "webhookPending";

	private final MongoTemplate mongo;

	private final ConsentService consents;

	private final CertificateService certificates;

	private final JobLeases leases;

	private final Clock clock;

	private final int batchSize;

	WebhookFollowUp(MongoTemplate mongo, ConsentService consents, CertificateService certificates, JobLeases leases,
			Clock clock, @Value("${tongban.application.follow-up-batch:100}") int batchSize) {
		this.certificates = certificates;
		this.mongo = mongo;
		this.consents = consents;
		this.leases = leases;
		this.clock = clock;
		this.batchSize = batchSize;
	}

	@Scheduled(fixedDelayString = "${tongban.application.follow-up-interval:30s}", initialDelayString = "${tongban.application.follow-up-interval:30s}")
	void run() {
		this.leases.run(JOB, this::emitPending);
	}

	int emitPending() {
		Instant settled = this.clock.instant().minusSeconds(10);
		int emitted = 0;
		for (Consent consent : this.mongo.find(Query.query(Criteria.where(PENDING).is(true).and("updatedAt").lt(settled))
			.limit(this.batchSize), Consent.class)) {
			this.consents.emitEvents(consent);
			emitted++;
		}
		for (Certificate certificate : this.mongo.find(Query.query(Criteria.where(PENDING).is(true)
			.and("revocation.at").lt(settled)).limit(this.batchSize), Certificate.class)) {
			this.certificates.emitRevocation(certificate);
			emitted++;
		}
		return emitted;
	}

}
