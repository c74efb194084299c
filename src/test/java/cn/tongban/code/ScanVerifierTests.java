package cn.tongban.code;

import java.security.KeyPair;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import cn.tongban.platform.crypto.Sm2;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks of a scanned code that need nothing stored: format, issuer, signature, time. No Spring. */
class ScanVerifierTests {

	private static final Instant ISSUED = Instant.parse("2026-12-03T08:00:00Z");

	private static final String KEY_ID = "QDM-test";

	private static final KeyPair PAIR = Sm2.generateKeyPair();

	private static final TrustList.VerifyingKey KEY = new TrustList.VerifyingKey("QDM", KEY_ID, PAIR.getPublic());

	private static final ScanVerifier.TrustedKeys TRUSTED = (issuer, shortKeyId) -> ("QDM".equals(issuer)
			&& Arrays.equals(shortKeyId, CodeFormat.shortKeyId(KEY_ID))) ? KEY : null;

	private static String code(String issuer, String keyId, Instant issuedAt, int validitySeconds) {
		byte[] payload = CodeFormat.payload(issuer, keyId, HolderKind.PERSON, new byte[12], issuedAt, validitySeconds,
				new byte[8]);
		return CodeFormat.text(payload, Sm2.toRaw(Sm2.sign(keyId, PAIR.getPrivate(), payload)));
	}

	private static ScanVerifier.Verdict verify(String text, Instant now) {
		return ScanVerifier.verify(text, now, TRUSTED);
	}

	@Test
	void aCodeSignedByATrustedKeyWithinItsTimePasses() {
		ScanVerifier.Verdict verdict = verify(code("QDM", KEY_ID, ISSUED, 60), ISSUED.plusSeconds(30));
		assertThat(verdict.passed()).isTrue();
		assertThat(verdict.refusal()).isNull();
		assertThat(verdict.issuerId()).isEqualTo("QDM");
		assertThat(verdict.code().issuedAt()).isEqualTo(ISSUED);
	}

	@Test
	void textThatIsNotACodeIsMalformed() {
		ScanVerifier.Verdict verdict = verify("TB1.not-a-code", ISSUED);
		assertThat(verdict.refusal()).isEqualTo(CodeError.CODE_MALFORMED);
		assertThat(verdict.issuerId()).isNull();
	}

	@Test
	void anIssuerOrKeyNotOnTheTrustListIsUnknown() {
		assertThat(verify(code("XYZ", KEY_ID, ISSUED, 60), ISSUED).refusal()).isEqualTo(CodeError.UNKNOWN_ISSUER);
		assertThat(verify(code("QDM", "QDM-other", ISSUED, 60), ISSUED).refusal()).isEqualTo(CodeError.UNKNOWN_ISSUER);
	}

	@Test
	void oneChangedByteBreaksTheSignature() {
		String good = code("QDM", KEY_ID, ISSUED, 60);
		byte[] all = Base64.getUrlDecoder().decode(good.substring(CodeFormat.PREFIX.length()));
		all[30] ^= 1; // inside the nonce: still well-formed, issuer and key unchanged
		String altered = CodeFormat.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(all);
		ScanVerifier.Verdict verdict = verify(altered, ISSUED.plusSeconds(1));
		assertThat(verdict.refusal()).isEqualTo(CodeError.BAD_SIGNATURE);
		assertThat(verdict.issuerId()).isEqualTo("QDM");
	}

	@Test
	void aCodeIsGoodUntilItsExpiryPlusTheToleratedSkewAndNotASecondLonger() {
		String code = code("QDM", KEY_ID, ISSUED, 60);
		Instant lastGood = ISSUED.plusSeconds(60 + ScanVerifier.SKEW_SECONDS);
		assertThat(verify(code, lastGood).passed()).isTrue();
		assertThat(verify(code, lastGood.plusSeconds(1)).refusal()).isEqualTo(CodeError.CODE_EXPIRED);
	}

	@Test
	void aCodeFromTheFutureBeyondTheSkewIsRefusedAsExpired() {
		String code = code("QDM", KEY_ID, ISSUED, 60);
		assertThat(verify(code, ISSUED.minusSeconds(ScanVerifier.SKEW_SECONDS)).passed()).isTrue();
		assertThat(verify(code, ISSUED.minusSeconds(ScanVerifier.SKEW_SECONDS + 1)).refusal())
			.isEqualTo(CodeError.CODE_EXPIRED);
	}

}
