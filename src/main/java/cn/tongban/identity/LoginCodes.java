package cn.tongban.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

import cn.tongban.platform.audit.AuditLog;
import cn.tongban.platform.audit.AuditType;
import cn.tongban.platform.limits.SharedBuckets;
import cn.tongban.platform.crypto.Sha256;
import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.privacy.Masking;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * One-time SMS sign-in codes (短信验证码): six digits, valid five minutes, single use, stored
 * hashed. Sending is limited per number (one a minute, ten a day) and per client address; wrong
 * codes count towards {@link LoginLockout}. An unknown number gets the same answer as a known one
 * and no message, so the endpoint does not reveal who is registered.
 */
@Service
class LoginCodes {

	static final Duration CODE_VALIDITY = Duration.ofMinutes(5);

	static final Duration RESEND_AFTER = Duration.ofSeconds(60);

	static final int CODES_PER_NUMBER_PER_DAY = 10;

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	private final MongoTemplate mongo;

	private final PersonRepository people;

	private final SmsSender sms;

	private final LoginLockout lockout;

	private final AuditLog audit;

	private final int perAddressPerHour;

	private final SharedBuckets buckets;

	LoginCodes(MongoTemplate mongo, PersonRepository people, SmsSender sms, LoginLockout lockout, AuditLog audit,
			IdentityProperties properties, Clock clock, SharedBuckets buckets) {
		this.clock = clock;
		this.buckets = buckets;
		this.mongo = mongo;
		this.people = people;
		this.sms = sms;
		this.lockout = lockout;
		this.audit = audit;
		this.perAddressPerHour = properties.codesPerAddressPerHour();
	}

	Duration request(String mobile, String address) {
		long locked = this.lockout.minutesLocked(lockKey(mobile));
		if (locked > 0) {
			throw ApiException.onField("input.mobile", IdentityError.LOGIN_LOCKED, locked);
		}
		consume("ip:" + address, Bandwidth.builder()
			.capacity(this.perAddressPerHour)
			.refillIntervally(this.perAddressPerHour, Duration.ofHours(1))
			.build(), null);
		consume("mobile:" + mobile,
				Bandwidth.builder().capacity(1).refillIntervally(1, RESEND_AFTER).build(),
				Bandwidth.builder()
					.capacity(CODES_PER_NUMBER_PER_DAY)
					.refillIntervally(CODES_PER_NUMBER_PER_DAY, Duration.ofDays(1))
					.build());
		if (this.people.findByMobile(mobile).isEmpty()) {
			this.audit.record(AuditType.LOGIN_CODE_SENT, Masking.mobile(mobile), null, address, null,
					"number not registered; nothing sent");
			return CODE_VALIDITY;
		}
		String code = String.format("%06d", this.random.nextInt(1_000_000));
		this.mongo.save(new LoginCode(mobile, hash(mobile, code), this.clock.instant().plus(CODE_VALIDITY)));
		try {
			this.sms.send(SmsMessage.loginCode(mobile, code, CODE_VALIDITY.toMinutes()));
		}
		catch (SmsDeliveryFailed ex) {
			this.mongo.remove(Query.query(Criteria.where("_id").is(mobile)), LoginCode.class);
			this.audit.record(AuditType.LOGIN_CODE_SENT, Masking.mobile(mobile), null, address, null,
					"not delivered: " + ex.getMessage());
			throw ApiException.onField("input.mobile", IdentityError.SMS_UNAVAILABLE);
		}
		this.audit.record(AuditType.LOGIN_CODE_SENT, Masking.mobile(mobile), null, address, null, null);
		return CODE_VALIDITY;
	}

	/** The person the code signs in; the code is used up. */
	Person verify(String mobile, String code, String address) {
		String key = lockKey(mobile);
		long locked = this.lockout.minutesLocked(key);
		if (locked > 0) {
			this.audit.record(AuditType.LOGIN_LOCKED, Masking.mobile(mobile), "tongban-app", address, null,
					"attempt while locked");
			throw new SignInRefused("locked for " + locked + " more minutes", true);
		}
		LoginCode used = (code == null || !code.matches("\\d{6}")) ? null
				: this.mongo.findAndRemove(Query.query(Criteria.where("_id")
					.is(mobile)
					.and("codeHash")
					.is(hash(mobile, code))
					.and("expiresAt")
					.gt(this.clock.instant())), LoginCode.class);
		Person person = (used != null) ? this.people.findByMobile(mobile).orElse(null) : null;
		if (person == null) {
			boolean nowLocked = this.lockout.recordFailure(key);
			this.audit.record(nowLocked ? AuditType.LOGIN_LOCKED : AuditType.LOGIN_FAILED, Masking.mobile(mobile),
					"tongban-app", address, null, "wrong or expired SMS code");
			throw new SignInRefused("wrong or expired code", nowLocked);
		}
		this.lockout.reset(key);
		return person;
	}

	private void consume(String key, Bandwidth limit, Bandwidth secondLimit) {
		var limits = BucketConfiguration.builder().addLimit(limit);
		if (secondLimit != null) {
			limits.addLimit(secondLimit);
		}
		Bucket bucket = this.buckets.bucket("sms:" + key, limits.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			long seconds = SharedBuckets.retryAfterSeconds(probe);
			throw ApiException.onField("input.mobile", IdentityError.LOGIN_CODE_RATE_LIMITED, seconds);
		}
	}

	static String lockKey(String mobile) {
		return "mobile:" + mobile;
	}

	private static String hash(String mobile, String code) {
		return Sha256.hex(mobile + ":" + code);
	}


}
