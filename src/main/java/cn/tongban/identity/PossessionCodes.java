package cn.tongban.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import cn.tongban.platform.crypto.Sha256;
import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.PlatformError;
import cn.tongban.platform.limits.SharedBuckets;
import cn.tongban.platform.privacy.Masking;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Proof that someone holds a person's registered mobile, for one purpose, without an account
 * session: a six-digit code sent by SMS, valid five minutes, stored hashed. Sending is limited per
 * purpose (one a minute, ten a day) and per client address; a code survives reads within its
 * validity but dies after {@value #MAX_WRONG} wrong tries.
 */
@Service
public class PossessionCodes {

	static final Duration VALIDITY = Duration.ofMinutes(5);

	static final int MAX_WRONG = 5;

	private final SecureRandom random = new SecureRandom();

	private final MongoTemplate mongo;

	private final PersonRepository people;

	private final SmsSender sms;

	private final SharedBuckets buckets;

	private final Clock clock;

	private final int perAddressPerHour;

	PossessionCodes(MongoTemplate mongo, PersonRepository people, SmsSender sms, SharedBuckets buckets,
			IdentityProperties properties, Clock clock) {
		this.mongo = mongo;
		this.people = people;
		this.sms = sms;
		this.buckets = buckets;
		this.clock = clock;
		this.perAddressPerHour = properties.codesPerAddressPerHour();
	}

	/** Where a code went and how long it is valid. */
	public record Sent(String maskedMobile, Duration validity) {
	}

	/**
	 * Sends a code for {@code purpose} to the person's registered mobile; {@code field} names the input
	 * refused when a limit is reached (RATE_LIMITED with the seconds to wait).
	 */
	public Sent send(String personId, String purpose, String address, String field) {
		return send(personId, purpose, address, field, SmsMessage.PROGRESS_CODE, Map.of(),
				(code) -> "【通办】您查询办件进度的验证码为 " + code + "，" + VALIDITY.toMinutes() + " 分钟内有效。请勿告诉他人。");
	}

	/** As above, with the SMS template, its further parameters and the text for a code. */
	Sent send(String personId, String purpose, String address, String field, String template,
			Map<String, String> params, Function<String, String> text) {
		Person person = this.people.findById(personId)
			.filter((p) -> p.mobile() != null)
			.orElseThrow(() -> ApiException.onField(field, PlatformError.INVALID_ARGUMENT, "no mobile to send a code to"));
		consume("ip:" + address, this.perAddressPerHour, Duration.ofHours(1), field);
		consume("purpose:" + purpose, 1, Duration.ofMinutes(1), field);
		consume("purpose-day:" + purpose, 10, Duration.ofDays(1), field);
		String code = String.format("%06d", this.random.nextInt(1_000_000));
		this.mongo.save(new PossessionCode(purpose, personId, hash(purpose, code), this.clock.instant().plus(VALIDITY), 0));
		try {
			Map<String, String> all = new HashMap<>(params);
			all.put("code", code);
			all.put("minutes", Long.toString(VALIDITY.toMinutes()));
			this.sms.send(new SmsMessage(person.mobile(), template, Map.copyOf(all), text.apply(code)));
		}
		catch (SmsDeliveryFailed ex) {
			this.mongo.remove(Query.query(Criteria.where("_id").is(purpose)), PossessionCode.class);
			throw ApiException.onField(field, IdentityError.SMS_UNAVAILABLE);
		}
		return new Sent(Masking.mobile(person.mobile()), VALIDITY);
	}

	/** Whether the code is the live one for {@code purpose}; a wrong one counts, the fifth kills the code. */
	public boolean check(String purpose, String code) {
		if (code == null || !code.matches("\\d{6}")) {
			recordWrong(purpose);
			return false;
		}
		boolean right = this.mongo.exists(Query.query(Criteria.where("_id").is(purpose)
			.and("codeHash").is(hash(purpose, code))
			.and("expiresAt").gt(this.clock.instant())
			.and("wrongAttempts").lt(MAX_WRONG)), PossessionCode.class);
		if (!right) {
			recordWrong(purpose);
		}
		return right;
	}

	/** Ends a code that was used for a one-time purpose. */
	void spend(String purpose) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(purpose)), PossessionCode.class);
	}

	private void recordWrong(String purpose) {
		PossessionCode counted = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(purpose)),
				new Update().inc("wrongAttempts", 1), FindAndModifyOptions.options().returnNew(true), PossessionCode.class);
		if (counted != null && counted.wrongAttempts() >= MAX_WRONG) {
			this.mongo.remove(Query.query(Criteria.where("_id").is(purpose)), PossessionCode.class);
		}
	}

	private void consume(String key, int capacity, Duration period, String field) {
		Bucket bucket = this.buckets.bucket("possession:" + key, capacity, capacity, period);
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			long seconds = SharedBuckets.retryAfterSeconds(probe);
			throw ApiException.onField(field, PlatformError.RATE_LIMITED, seconds);
		}
	}

	private static String hash(String purpose, String code) {
		return Sha256.hex(purpose + ":" + code);
	}

}
