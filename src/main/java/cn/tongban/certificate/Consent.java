package cn.tongban.certificate;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A holder's consent (授权): this integrator may check these certificate types of mine for this
 * purpose until {@code expiresAt} (at most 90 days), unless revoked first.
 *
 * @param webhookPending set in the same write as a grant or a revocation, cleared once the
 * integrator's webhook event is stored: a crash in between is finished by {@link WebhookFollowUp}
 */
@Document("certificate_consents")
@CompoundIndex(name = "holder_integrator_purpose", def = "{'holderId': 1, 'integratorClientId': 1, 'purposeCode': 1}")
@CompoundIndex(name = "integrator_updated", def = "{'integratorClientId': 1, 'updatedAt': 1, '_id': 1}")
@CompoundIndex(name = "webhook_pending", def = "{'webhookPending': 1, 'updatedAt': 1}")
record Consent(@Id String id, String holderId, String integratorClientId, String purposeCode,
		List<String> certificateTypes, Instant grantedAt, Instant expiresAt, Instant revokedAt, Instant updatedAt,
		Boolean webhookPending) {

	@PersistenceCreator
	Consent {
	}

	/** A consent as stored by fixtures: changed when given, its events not pending. */
	Consent(String id, String holderId, String integratorClientId, String purposeCode, List<String> certificateTypes,
			Instant grantedAt, Instant expiresAt, Instant revokedAt) {
		this(id, holderId, integratorClientId, purposeCode, certificateTypes, grantedAt, expiresAt, revokedAt, grantedAt,
				null);
	}

	/** When it last changed (given or revoked); consents stored before the field existed: when given. */
	Instant changedAt() {
		return (this.updatedAt != null) ? this.updatedAt : this.grantedAt;
	}

	boolean activeAt(Instant now) {
		return this.revokedAt == null && this.expiresAt.isAfter(now);
	}

}
