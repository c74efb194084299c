package cn.tongban.application;

import java.time.Instant;
import java.util.List;

import cn.tongban.identity.PossessionCodes;
import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.privacy.Masking;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * 办件进度查询 without an account: whoever holds the applicant's registered mobile gets a code by SMS
 * for one application and reads its status and timeline, the applicant's name masked and no
 * details (staff reasons may name people). Codes and their limits: {@link PossessionCodes}.
 */
@Service
class ApplicationProgress {

	private final MongoTemplate mongo;

	private final PossessionCodes codes;

	ApplicationProgress(MongoTemplate mongo, PossessionCodes codes) {
		this.mongo = mongo;
		this.codes = codes;
	}

	/** What the lookup shows. */
	record Progress(String applicationId, String title, Application.Status status, String applicantName,
			Instant submittedAt, Instant completedAt, List<Step> timeline) {
	}

	/** One timeline entry without its detail. */
	record Step(Instant at, Application.EventType kind, String departmentCode) {
	}

	PossessionCodes.Sent requestCode(String applicationId, String address) {
		Application application = find(applicationId, "input.applicationId");
		return this.codes.send(application.applicantId(), purpose(applicationId), address, "input.applicationId");
	}

	Progress progress(String applicationId, String code) {
		Application application = find(applicationId, "applicationId");
		if (!this.codes.check(purpose(applicationId), code)) {
			throw ApiException.onField("code", ApplicationError.PROGRESS_CODE_INVALID);
		}
		return new Progress(application.id(), application.title(), application.status(),
				Masking.name(application.applicantName()), application.submittedAt(), application.completedAt(),
				application.events().stream().map((e) -> new Step(e.at(), e.type(), e.departmentCode())).toList());
	}

	private Application find(String applicationId, String field) {
		Application application = (applicationId != null && applicationId.length() <= 40)
				? this.mongo.findById(applicationId, Application.class) : null;
		if (application == null) {
			throw ApiException.onField(field, ApplicationError.APPLICATION_NOT_FOUND, applicationId);
		}
		return application;
	}

	private static String purpose(String applicationId) {
		return "progress:" + applicationId;
	}

}
