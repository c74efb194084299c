package cn.tongban.code;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import cn.tongban.platform.crypto.KeyRing;
import cn.tongban.platform.crypto.Sm2;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Issues and revokes our own resident and enterprise codes (青岛码). */
@Service
class CodeIssuance {

	private final SecureRandom random = new SecureRandom();

	private final TrustList trust;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final int validitySeconds;

	CodeIssuance(TrustList trust, MongoTemplate mongo, CodeProperties properties, Clock clock) {
		this.trust = trust;
		this.mongo = mongo;
		this.clock = clock;
		this.validitySeconds = (int) properties.validity().toSeconds();
	}

	/** A fresh code; the holder's earlier codes are superseded. */
	Issued issue(HolderKind kind, String holderId) {
		KeyRing.Entry key = this.trust.signingKey();
		byte[] subject = bytes(12);
		byte[] nonce = bytes(8);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		byte[] payload = CodeFormat.payload(TrustList.LOCAL_ISSUER, key.keyId(), kind, subject, now,
				this.validitySeconds, nonce);
		String text = CodeFormat.text(payload, Sm2.toRaw(key.sign(payload)));
		this.mongo.updateMulti(
				Query.query(Criteria.where("holderId").is(holderId).and("supersededAt").is(null).and("revokedAt").is(null)),
				Update.update("supersededAt", now), IssuedCode.class);
		IssuedCode code = new IssuedCode(CodeFormat.base64url(subject), kind, holderId, key.keyId(), now,
				now.plusSeconds(this.validitySeconds), null, null);
		this.mongo.insert(code);
		return new Issued(text, code, TrustList.LOCAL_ISSUER);
	}

	/** Revokes every unexpired code of the holder (lost phone); returns how many. */
	long revokeAll(String holderId) {
		Instant now = this.clock.instant();
		return this.mongo.updateMulti(Query.query(Criteria.where("holderId").is(holderId)
			.and("revokedAt").is(null)
			.and("supersededAt").is(null)
			.and("expiresAt").gt(now.minusSeconds(ScanVerifier.SKEW_SECONDS))), Update.update("revokedAt", now),
				IssuedCode.class).getModifiedCount();
	}

	private byte[] bytes(int count) {
		byte[] bytes = new byte[count];
		this.random.nextBytes(bytes);
		return bytes;
	}

	/** A code's text as shown in the QR, what is stored of it, and its issuer. */
	record Issued(String text, IssuedCode code, String issuerId) {
	}

}
