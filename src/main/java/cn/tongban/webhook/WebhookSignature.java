package cn.tongban.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing: {@code webhook-signature} is {@code v1,<base64 HMAC-SHA256>} over
 * {@code <webhook-id>.<webhook-timestamp>.<body>} with the secret's key (the base64 part after
 * {@code whsec_}); several signatures, space-separated, while a secret is being rotated.
 */
final class WebhookSignature {

	static final String PREFIX = "whsec_";

	private static final SecureRandom random = new SecureRandom();

	private WebhookSignature() {
	}

	/** A new secret: 32 random bytes. */
	static String newSecret() {
		byte[] key = new byte[32];
		random.nextBytes(key);
		return PREFIX + Base64.getEncoder().encodeToString(key);
	}

	/** The header value for a message signed with each of the secrets. */
	static String header(List<String> secrets, String id, long timestamp, String body) {
		return secrets.stream().map((secret) -> "v1," + sign(secret, id, timestamp, body)).collect(Collectors.joining(" "));
	}

	static String sign(String secret, String id, long timestamp, String body) {
		if (!secret.startsWith(PREFIX)) {
			throw new IllegalArgumentException("not a webhook secret");
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
			byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
