package cn.tongban.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Five failed attempts within 15 minutes lock a mobile number or account for 15 minutes. Kept in
 * MongoDB, so the lock holds across instances; each change is one atomic update.
 */
@Component
class LoginLockout {

	static final int MAX_FAILURES = 5;

	static final Duration WINDOW = Duration.ofMinutes(15);

	static final Duration LOCK = Duration.ofMinutes(15);

	private final MongoTemplate mongo;

	private final Clock clock;

	LoginLockout(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Minutes left on the lock, or 0 when not locked. */
	long minutesLocked(String key) {
		LoginAttempts attempts = this.mongo.findById(key, LoginAttempts.class);
		Instant now = this.clock.instant();
		if (attempts == null || attempts.lockedUntil() == null || !attempts.lockedUntil().isAfter(now)) {
			return 0;
		}
		// rounded up: 15 minutes left is 15, 14 minutes and a second is 15 too
		long seconds = Duration.between(now, attempts.lockedUntil()).toSeconds();
		return Math.max(1, (seconds + 59) / 60);
	}

	/** Counts a failure; returns true when this failure locked the key. */
	boolean recordFailure(String key) {
		Instant now = this.clock.instant();
		Query byKey = Query.query(Criteria.where("_id").is(key));
		// a failure outside the window starts a new one
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("windowStart").lt(now.minus(WINDOW))),
				new Update().set("failures", 0).set("windowStart", now), LoginAttempts.class);
		LoginAttempts attempts = this.mongo.findAndModify(byKey,
				new Update().inc("failures", 1).setOnInsert("windowStart", now),
				FindAndModifyOptions.options().upsert(true).returnNew(true), LoginAttempts.class);
		if (attempts != null && attempts.failures() >= MAX_FAILURES) {
			this.mongo.updateFirst(byKey,
					new Update().set("lockedUntil", now.plus(LOCK)).set("failures", 0).set("windowStart", now),
					LoginAttempts.class);
			return true;
		}
		return false;
	}

	void reset(String key) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(key)), LoginAttempts.class);
	}

}
