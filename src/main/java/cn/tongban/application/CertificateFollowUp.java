package cn.tongban.application;

import java.time.Clock;

import cn.tongban.platform.jobs.JobLeases;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes what a crash can leave after an application changed: certificate issuing for
 * applications completed but not yet issued, and the applicant's inbox message for a change whose
 * message was not posted ({@code inboxPending}). One instance at a time runs a batch
 * ({@link JobLeases}); both are idempotent (issuing per application and type, messages by an id
 * naming the version), so what a holder that died had half done is finished, never doubled, by the next.
 */
@Component
class CertificateFollowUp {

	private static final Logger log = LoggerFactory.getLogger(CertificateFollowUp.class);

	private final MongoTemplate mongo;

	static final String JOB = "application.certificate-follow-up";

	private final ApplicationService applications;

	private final ApplicationEvents events;

	private final JobLeases leases;

	private final Clock clock;

	private final int batchSize;

	CertificateFollowUp(MongoTemplate mongo, ApplicationService applications, ApplicationEvents events,
			JobLeases leases, Clock clock, @Value("${tongban.application.follow-up-batch:100}") int batchSize) {
		this.events = events;
		this.mongo = mongo;
		this.batchSize = batchSize;
		this.applications = applications;
		this.leases = leases;
		this.clock = clock;
	}

	/** Certificates still to issue and inbox messages still to post, for changes more than 10 s old. */
	@Scheduled(fixedDelayString = "${tongban.application.follow-up-interval:30s}", initialDelayString = "${tongban.application.follow-up-interval:30s}")
	void run() {
		this.leases.run(JOB, this::finishPending);
	}

	int finishPending() {
		return issuePending() + deliverPending();
	}

	/** Changes more than 10 s old whose inbox message is still to be posted. */
	int deliverPending() {
		int delivered = 0;
		for (Application application : this.mongo.find(Query.query(Criteria.where("inboxPending").is(true)
			.and("updatedAt").lt(this.clock.instant().minusSeconds(10))).limit(this.batchSize), Application.class)) {
			this.events.deliver(application, application.events().get(application.events().size() - 1).type());
			delivered++;
		}
		return delivered;
	}

	/** Applications completed more than 10 s ago whose certificates are still to be issued. */
	int issuePending() {
		int finished = 0;
		for (Application application : this.mongo.find(Query.query(Criteria.where("certificatesPending").is(true)
			.and("completedAt").lt(this.clock.instant().minusSeconds(10))).limit(this.batchSize), Application.class)) {
			try {
				this.applications.issueCertificates(application);
				finished++;
			}
			catch (RuntimeException ex) {
				log.warn("Certificates of application {} not issued yet; will retry", application.id(), ex);
			}
		}
		return finished;
	}

}
