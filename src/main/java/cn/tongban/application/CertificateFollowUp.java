package cn.tongban.application;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes certificate issuing for applications completed but not yet issued (a crash between the
 * completing update and the issue). Safe to run anywhere, any number of times: issuing is idempotent.
 */
@Component
class CertificateFollowUp {

	private static final Logger log = LoggerFactory.getLogger(CertificateFollowUp.class);

	private final MongoTemplate mongo;

	private final ApplicationService applications;

	CertificateFollowUp(MongoTemplate mongo, ApplicationService applications) {
		this.mongo = mongo;
		this.applications = applications;
	}

	/** Applications completed more than 10 s ago still waiting for their certificates. */
	@Scheduled(fixedDelayString = "${tongban.application.follow-up-interval:30s}", initialDelayString = "${tongban.application.follow-up-interval:30s}")
	void run() {
		finishPending();
	}

	int finishPending() {
		int finished = 0;
		for (Application application : this.mongo.find(Query.query(Criteria.where("certificatesPending").is(true)
			.and("completedAt").lt(Instant.now().minusSeconds(10))).limit(100), Application.class)) {
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
