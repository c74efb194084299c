package cn.tongban.identity;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import cn.tongban.platform.crypto.Sha256;
import cn.tongban.platform.privacy.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends through an HTTP SMS gateway: {@code POST url} with JSON {@code {requestId, mobile, signName,
 * templateId, params}}, signed with HMAC-SHA256 over {@code appKey \n timestamp \n nonce \n
 * sha256(body)} in {@code X-App-Key}, {@code X-Timestamp}, {@code X-Nonce}, {@code X-Signature}.
 * Accepted when the answer is 2xx with {@code code} "OK" or "0". Unreachable, slow and 5xx answers
 * are retried with the same {@code requestId} (the gateway drops duplicates); a 4xx or a refusal
 * code is final. Logs name the template and the masked number, never the parameters.
 */
class HttpSmsGateway implements SmsSender {

	private static final Logger log = LoggerFactory.getLogger(HttpSmsGateway.class);

	private final SmsGatewayProperties properties;

	private final HttpClient http;

	private final JsonMapper json;

	private final Clock clock;

	HttpSmsGateway(SmsGatewayProperties properties, JsonMapper json, Clock clock) {
		this.properties = properties;
		this.json = json;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
	}

	@Override
	public void send(SmsMessage message) {
		String templateId = this.properties.templates().get(message.template());
		if (templateId == null) {
			throw new SmsDeliveryFailed("no gateway template id for " + message.template()
					+ " (tongban.sms.gateway.templates." + message.template() + ")", null);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("requestId", UUID.randomUUID().toString());
		body.put("mobile", message.mobile());
		body.put("signName", this.properties.signature());
		body.put("templateId", templateId);
		body.put("params", message.params());
		byte[] content = this.json.writeValueAsBytes(body);
		SmsDeliveryFailed last = null;
		for (int attempt = 1; attempt <= this.properties.attempts(); attempt++) {
			try {
				HttpResponse<String> response = this.http.send(request(content), HttpResponse.BodyHandlers.ofString());
				String code = answerCode(response.body());
				if (response.statusCode() / 100 == 2 && ("OK".equalsIgnoreCase(code) || "0".equals(code))) {
					return;
				}
				last = new SmsDeliveryFailed("gateway answered HTTP " + response.statusCode() + " code " + code, null);
				if (response.statusCode() < 500) {
					break;
				}
			}
			catch (IOException ex) {
				last = new SmsDeliveryFailed("gateway unreachable or too slow: " + ex.getClass().getSimpleName(), ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				last = new SmsDeliveryFailed("interrupted", ex);
				break;
			}
		}
		log.warn("SMS {} to {} not sent: {}", message.template(), Masking.mobile(message.mobile()), last.getMessage());
		throw last;
	}

	private HttpRequest request(byte[] content) {
		String timestamp = Long.toString(this.clock.instant().getEpochSecond());
		String nonce = UUID.randomUUID().toString();
		return HttpRequest.newBuilder(this.properties.url())
			.timeout(this.properties.timeout())
			.header("Content-Type", "application/json; charset=utf-8")
			.header("X-App-Key", this.properties.appKey())
			.header("X-Timestamp", timestamp)
			.header("X-Nonce", nonce)
			.header("X-Signature", signature(timestamp, nonce, content))
			.POST(HttpRequest.BodyPublishers.ofByteArray(content))
			.build();
	}

	String signature(String timestamp, String nonce, byte[] content) {
		String canonical = this.properties.appKey() + "\n" + timestamp + "\n" + nonce + "\n"
				+ Sha256.hex(content);
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.properties.appSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The gateway's answer code, at most 32 characters of it; "?" when the body is not the expected JSON. */
	private String answerCode(String body) {
		try {
			JsonNode code = this.json.readTree(body).path("code");
			String text = code.isMissingNode() ? "?" : code.asString();
			return (text.length() > 32) ? text.substring(0, 32) : text;
		}
		catch (RuntimeException ex) {
			return "?";
		}
	}

}
