package cn.tongban.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.tongban.platform.ChinaTime;
import cn.tongban.platform.crypto.Sha256;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One person acting for another (亲情代办): a guardian for a minor child (from the birth and
 * household data) or a relative an adult authorised. One document per pair and kind ({@code _id}
 * derived from both), so a request, its confirmation and a revocation each change one document
 * atomically, and the acts done under it stay with the pair across renewals.
 *
 * @param days how long an authorisation lasts once confirmed
 * @param acts the newest acts done under it (at most {@link #MAX_ACTS})
 */
@Document("delegations")
record Delegation(@Id String id, Kind kind, @Indexed(name = "represented") String representedId,
		@Indexed(name = "actor") String actorId, Set<DelegationScope> scopes, State state, int days,
		Instant requestedAt, Instant confirmedAt, Instant expiresAt, Instant endedAt, String endedBy,
		Instant lastUsedAt, List<Act> acts) {

	static final int MAX_ACTS = 100;

	enum Kind {

		/** 监护: a parent or guardian for a child under 18; ends at the 18th birthday. */
		GUARDIAN,
		/** 授权代办: an adult authorised a relative, confirmed by an SMS code to the adult's mobile. */
		AUTHORISED

	}

	enum State {

		PENDING, ACTIVE, REVOKED

	}

	/** What the actor did: the operations of one request, when and through which client. */
	record Act(Instant at, List<String> operations, String clientId) {
	}

	static String idFor(Kind kind, String representedId, String actorId) {
		return "dlg_" + Sha256.hex(kind.name() + "|" + representedId + "|" + actorId).substring(0, 20);
	}

	/** Whether it lets the actor act now: confirmed, not revoked, not expired. */
	boolean standsAt(Instant now) {
		return this.state == State.ACTIVE && this.expiresAt != null && now.isBefore(this.expiresAt);
	}

	/** The 18th birthday's first moment in China: when a guardian stops acting for the child. */
	static Instant comingOfAge(LocalDate birthDate) {
		return birthDate.plusYears(18).atStartOfDay(ChinaTime.ZONE).toInstant();
	}

}
