package cn.tongban.code;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The resident code's text format (居民码): what is read back, what is refused, how long it is good for. No Spring. */
class CodeFormatTests {

	private static final Instant ISSUED = Instant.parse("2026-12-02T08:00:00Z");

	private static final byte[] SUBJECT = "370202199001".getBytes();

	private static final byte[] NONCE = { 1, 2, 3, 4, 5, 6, 7, 8 };

	private static byte[] payload(int validitySeconds) {
		return CodeFormat.payload("QDM", "key-2026", HolderKind.PERSON, SUBJECT, ISSUED, validitySeconds, NONCE);
	}

	private static String code(byte[] payload) {
		byte[] signature = new byte[CodeFormat.SIGNATURE_BYTES];
		Arrays.fill(signature, (byte) 7);
		return CodeFormat.text(payload, signature);
	}

	@Test
	void aCodeReadsBackAsWritten() {
		CodeFormat.Parsed parsed = CodeFormat.parse(code(payload(30)));
		assertThat(parsed).isNotNull();
		assertThat(parsed.issuerId()).isEqualTo("QDM");
		assertThat(parsed.shortKeyId()).isEqualTo(CodeFormat.shortKeyId("key-2026"));
		assertThat(parsed.kind()).isEqualTo(HolderKind.PERSON);
		assertThat(parsed.subject()).isEqualTo(SUBJECT);
		assertThat(parsed.issuedAt()).isEqualTo(ISSUED);
		assertThat(parsed.nonce()).isEqualTo(NONCE);
		assertThat(parsed.payload()).isEqualTo(payload(30));
		assertThat(parsed.expiresAt()).isEqualTo(ISSUED.plusSeconds(30));
		assertThat(parsed.codeKey()).isEqualTo(CodeFormat.parse(code(payload(30))).codeKey());
	}

	@Test
	void noCodeIsGoodForLongerThanTheFormatsLimitWhateverItClaims() {
		assertThat(CodeFormat.parse(code(payload(200))).expiresAt())
			.isEqualTo(ISSUED.plusSeconds(CodeFormat.MAX_VALIDITY_SECONDS));
	}

	@Test
	void anEnterpriseCodeSaysSo() {
		byte[] payload = CodeFormat.payload("QDM", "key-2026", HolderKind.ENTERPRISE, SUBJECT, ISSUED, 60, NONCE);
		assertThat(CodeFormat.parse(code(payload)).kind()).isEqualTo(HolderKind.ENTERPRISE);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "TB1.", "TB2.AAAA", "tb1.AAAA", "TB1.!!!!", "TB1.AAAA",
			"https://example.cn/?code=TB1.AAAA" })
	void whatIsNotACodeOfThisFormatIsRefused(String text) {
		assertThat(CodeFormat.parse(text)).isNull();
	}

	@Test
	void aCodeOfAnotherVersionOrHolderKindOrLengthIsRefused() {
		byte[] otherVersion = payload(30);
		otherVersion[0] = 2;
		assertThat(CodeFormat.parse(code(otherVersion))).isNull();
		byte[] otherKind = payload(30);
		otherKind[8] = 'X';
		assertThat(CodeFormat.parse(code(otherKind))).isNull();
		String good = code(payload(30));
		assertThat(CodeFormat.parse(good + "AAAA")).as("three bytes more").isNull();
		assertThat(CodeFormat.parse(good.substring(0, good.length() - 4))).isNull();
		assertThat(CodeFormat.parse(CodeFormat.PREFIX + Base64.getUrlEncoder().encodeToString(new byte[300]))).isNull();
	}

}
