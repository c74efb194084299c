package cn.tongban.certificate;

import java.time.Clock;

import cn.tongban.platform.jobs.JobLeases;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Stores the integrators' webhook events that a crash (or a failed write) left after a consent was
 * granted or revoked: consents whose {@code webhookPending} flag is still set 10 s after their
 * change. Emitting is idempotent, so an event stored before the crash is not doubled. One instance
 * at a time runs a batch ({@link JobLeases}).
 */
@Component
class ConsentWebhooks {

	static final String JOB = "certificate.consent-webhooks";

	private final MongoTemplate mongo;

	private final ConsentService consents;

	private final JobLeases leases;

	private final Clock clock;

	private final int batchSize;

	ConsentWebhooks(MongoTemplate mongo, ConsentService consents, JobLeases leases, Clock clock,
			@Value("${tongban.application.follow-up-batch:100}") int batchSize) {
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
		int emitted = 0;
		for (Consent consent : this.mongo.find(Query.query(Criteria.where("webhookPending").is(true)
			.and("updatedAt").lt(this.clock.instant().minusSeconds(10))).limit(this.batchSize), Consent.class)) {
			this.consents.emitEvents(consent);
			emitted++;
		}
		return emitted;
	}

}
