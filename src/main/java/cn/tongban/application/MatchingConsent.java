package cn.tongban.application;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A resident's consent to proactive matching (PIPL: personal data are matched against benefit
 * policies only with it); absent means not given. Withdrawing stops matching and withdraws open offers.
 */
@Document("benefit_matching_consents")
record MatchingConsent(@Id String personId, boolean enabled, Instant changedAt) {
}
