package cn.tongban.hall;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The appointment fair-use rule: 3 no-shows (爽约) within 90 days block booking for 30 days; the
 * no-shows that caused a block do not count towards the next one. Pure.
 */
final class FairUse {

	static final int NO_SHOWS = 3;

	static final Duration WINDOW = Duration.ofDays(90);

	static final Duration BLOCK = Duration.ofDays(30);

	/** How many no-shows a ledger keeps (enough to apply the rule). */
	static final int KEPT = 10;

	private FairUse() {
	}

	/** Until when booking is blocked after these no-shows; null when it is not. */
	static Instant blockedUntil(List<Instant> noShows) {
		if (noShows == null || noShows.isEmpty()) {
			return null;
		}
		List<Instant> counting = new ArrayList<>();
		Instant blockedUntil = null;
		for (Instant at : noShows.stream().sorted().toList()) {
			counting.removeIf((earlier) -> earlier.isBefore(at.minus(WINDOW)));
			counting.add(at);
			if (counting.size() >= NO_SHOWS) {
				blockedUntil = at.plus(BLOCK);
				counting.clear();
			}
		}
		return blockedUntil;
	}

}
