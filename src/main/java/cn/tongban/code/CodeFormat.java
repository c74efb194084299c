package cn.tongban.code;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import cn.tongban.platform.crypto.Sm3;

/**
 * The code's text, as put in the QR: {@code TB1.} + base64url(payload ‖ signature), 135 characters.
 *
 * <pre>
 * payload (34 bytes, big-endian)
 *   0     version (1)
 *   1-3   issuer id, ASCII (QDM, LTM)
 *   4-7   key id: first 4 bytes of SM3(key id)
 *   8     holder kind: 'P' person, 'E' enterprise
 *   9-20  subject reference: pseudonymous, 12 bytes
 *   21-24 issued at, epoch seconds
 *   25    validity, seconds (≤ 60)
 *   26-33 nonce
 * signature: SM3withSM2 over the payload, r‖s (64 bytes)
 * </pre>
 */
final class CodeFormat {

	static final String PREFIX = "TB1.";

	static final int PAYLOAD_BYTES = 34;

	static final int SIGNATURE_BYTES = 64;

	private static final byte VERSION = 1;

	private CodeFormat() {
	}

	/** The longest a code of any issuer is accepted for (the 居民码 format's limit). */
	static final int MAX_VALIDITY_SECONDS = 60;

	static byte[] payload(String issuerId, String keyId, HolderKind kind, byte[] subject, Instant issuedAt,
			int validitySeconds, byte[] nonce) {
		ByteBuffer buffer = ByteBuffer.allocate(PAYLOAD_BYTES);
		buffer.put(VERSION);
		buffer.put(issuerId.getBytes(StandardCharsets.US_ASCII), 0, 3);
		buffer.put(shortKeyId(keyId));
		buffer.put((byte) ((kind == HolderKind.PERSON) ? 'P' : 'E'));
		buffer.put(subject, 0, 12);
		buffer.putInt((int) issuedAt.getEpochSecond());
		buffer.put((byte) validitySeconds);
		buffer.put(nonce, 0, 8);
		return buffer.array();
	}

	static String text(byte[] payload, byte[] rawSignature) {
		byte[] all = Arrays.copyOf(payload, PAYLOAD_BYTES + SIGNATURE_BYTES);
		System.arraycopy(rawSignature, 0, all, PAYLOAD_BYTES, SIGNATURE_BYTES);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(all);
	}

	/** Null when the text is not a well-formed code of a version we read. */
	static Parsed parse(String text) {
		if (text == null || !text.startsWith(PREFIX) || text.length() > 200) {
			return null;
		}
		byte[] all;
		try {
			all = Base64.getUrlDecoder().decode(text.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException notBase64) {
			return null;
		}
		if (all.length != PAYLOAD_BYTES + SIGNATURE_BYTES || all[0] != VERSION || (all[8] != 'P' && all[8] != 'E')) {
			return null;
		}
		ByteBuffer buffer = ByteBuffer.wrap(all);
		String issuer = new String(all, 1, 3, StandardCharsets.US_ASCII);
		byte[] shortKeyId = Arrays.copyOfRange(all, 4, 8);
		HolderKind kind = (all[8] == 'P') ? HolderKind.PERSON : HolderKind.ENTERPRISE;
		byte[] subject = Arrays.copyOfRange(all, 9, 21);
		long issuedAt = Integer.toUnsignedLong(buffer.getInt(21));
		int validity = Byte.toUnsignedInt(all[25]);
		byte[] nonce = Arrays.copyOfRange(all, 26, 34);
		return new Parsed(issuer, shortKeyId, kind, subject, Instant.ofEpochSecond(issuedAt), validity, nonce,
				Arrays.copyOf(all, PAYLOAD_BYTES), Arrays.copyOfRange(all, PAYLOAD_BYTES, all.length));
	}

	static byte[] shortKeyId(String keyId) {
		return Arrays.copyOf(HexFormat.of().parseHex(Sm3.hex(keyId)), 4);
	}

	static String base64url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	record Parsed(String issuerId, byte[] shortKeyId, HolderKind kind, byte[] subject, Instant issuedAt,
			int validitySeconds, byte[] nonce, byte[] payload, byte[] signature) {

		/**
		 * The trust list's policy, not the code's claim: a code is good for at most
		 * {@value CodeFormat#MAX_VALIDITY_SECONDS} seconds whatever validity its issuer wrote into it.
		 */
		Instant expiresAt() {
			return this.issuedAt.plusSeconds(Math.min(this.validitySeconds, MAX_VALIDITY_SECONDS));
		}

		/** Identifies this very code (subject + nonce) across instances, for replay detection. */
		String codeKey() {
			return this.issuerId + ":" + base64url(this.subject) + ":" + base64url(this.nonce);
		}

	}

}
