package cn.tongban.identity;

import java.time.Instant;
import java.util.List;

/**
 * A delegation (亲情代办) granted, revoked or used, for the represented adult to hear of it
 * (the message centre listens). Published after the change is stored.
 *
 * @param scopes what it allows, as labels (办事、证照 …)
 */
public record DelegationNotice(Kind kind, String delegationId, String representedId, String actorName,
		List<String> scopes, Instant expiresAt, Instant at) {

	public enum Kind {

		GRANTED, REVOKED, USED

	}

}
