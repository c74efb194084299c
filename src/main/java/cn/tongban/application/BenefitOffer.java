package cn.tongban.application;

import java.time.Instant;
import java.util.List;

import cn.tongban.platform.crypto.Sha256;
import cn.tongban.platform.rules.RuleResult;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A benefit offered to a resident the matching found eligible (免申即享). One per resident and
 * policy: its id derives from both, so a matching run repeated or resumed never offers twice.
 *
 * @param results why the resident is eligible, rule by rule, as of {@code offeredAt}
 * @param applicationId the application that granted it, once accepted
 */
@Document("benefit_offers")
record BenefitOffer(@Id String id, @Indexed String personId, String policyCode, Status status,
		List<RuleResult> results, Instant offeredAt, Instant decidedAt, String applicationId) {

	enum Status {

		/** Waiting for the resident. */
		OFFERED,
		/** The resident took it: an application granted it. */
		ACCEPTED,
		/** The resident withdrew consent to matching, or no longer meets the rules. */
		WITHDRAWN

	}

	static String idFor(String personId, String policyCode) {
		return "ofr_" + Sha256.hex(personId + ":" + policyCode).substring(0, 24);
	}

}
