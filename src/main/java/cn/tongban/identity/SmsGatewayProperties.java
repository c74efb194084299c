package cn.tongban.identity;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tongban.sms.gateway.*}: the HTTP SMS gateway (the province's 政务短信 platform or a cloud
 * provider behind an adapter speaking this shape). Setting {@code url} makes {@link HttpSmsGateway}
 * the sender; the prod profile refuses to start without it.
 *
 * @param url where messages are POSTed ({@code TONGBAN_SMS_GATEWAY_URL})
 * @param appKey the account the gateway knows us by
 * @param appSecret shared secret for the HMAC-SHA256 request signature ({@code TONGBAN_SMS_GATEWAY_SECRET})
 * @param signature the approved sender signature (短信签名), e.g. 通办
 * @param templates our template names ({@link SmsMessage#LOGIN_CODE}) to the gateway's approved template ids
 * @param timeout per attempt, connect and answer (default 3 s)
 * @param attempts tries for a message when the gateway is unreachable, slow or answers 5xx (default 2)
 */
@ConfigurationProperties("tongban.sms.gateway")
record SmsGatewayProperties(URI url, String appKey, String appSecret, String signature, Map<String, String> templates,
		Duration timeout, Integer attempts) {

	SmsGatewayProperties {
		templates = (templates == null) ? Map.of() : Map.copyOf(templates);
		timeout = (timeout == null) ? Duration.ofSeconds(3) : timeout;
		attempts = (attempts == null) ? 2 : Math.max(1, Math.min(attempts, 5));
	}

}
