package cn.tongban.code;

import java.time.Instant;

/**
 * The checks of a scanned code that need nothing stored: its format, a trusted issuer and key, the
 * signature, and its time. Pure: the trusted keys and the time are given, so each refusal can be
 * tested without Spring. Revocation, replay and the terminal's scenario need stored state and are
 * the {@link CodeScanner}'s.
 */
final class ScanVerifier {

	/** Clock difference tolerated between the phone that shows a code and the terminal. */
	static final long SKEW_SECONDS = 5;

	private ScanVerifier() {
	}

	/** The trusted key a code names, or null when its issuer or key is not trusted. */
	@FunctionalInterface
	interface TrustedKeys {

		TrustList.VerifyingKey find(String issuerId, byte[] shortKeyId);

	}

	/** The code as read, or the reason it is refused (with whatever of it could be read). */
	static Verdict verify(String text, Instant now, TrustedKeys keys) {
		CodeFormat.Parsed code = CodeFormat.parse(text);
		if (code == null) {
			return new Verdict(null, CodeError.CODE_MALFORMED);
		}
		TrustList.VerifyingKey key = keys.find(code.issuerId(), code.shortKeyId());
		if (key == null) {
			return new Verdict(code, CodeError.UNKNOWN_ISSUER);
		}
		if (!key.verify(code.payload(), code.signature())) {
			return new Verdict(code, CodeError.BAD_SIGNATURE);
		}
		if (now.isAfter(code.expiresAt().plusSeconds(SKEW_SECONDS))
				|| code.issuedAt().isAfter(now.plusSeconds(SKEW_SECONDS))) {
			return new Verdict(code, CodeError.CODE_EXPIRED);
		}
		return new Verdict(code, null);
	}

	/**
	 * @param code the code as read; null only when it was malformed
	 * @param refusal why it is refused, or null when it passed
	 */
	record Verdict(CodeFormat.Parsed code, CodeError refusal) {

		boolean passed() {
			return this.refusal == null;
		}

		/** The issuer the code names, when it could be read. */
		String issuerId() {
			return (this.code != null) ? this.code.issuerId() : null;
		}

	}

}
