package cn.tongban.platform.security;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tongban.rate-limit.*}: requests per minute to {@code /graphql}, per subject (the token's
 * {@code sub}, or the client address when anonymous) and per OAuth2 client. A subject with several
 * roles gets the most generous of them.
 *
 * @param enabled off only for load tests that measure the service itself
 * @param anonymousPerMinute per app installation ({@code X-Device-Id}) without a token, or per
 * client address when no device id is sent
 * @param anonymousDevicesPerAddressPerMinute all anonymous devices behind one address together
 * @param perMinute per subject, by role
 * @param clientPerMinute per OAuth2 client across all its subjects (the app's residents together)
 */
@ConfigurationProperties("tongban.rate-limit")
public record RateLimitProperties(Boolean enabled, Integer anonymousPerMinute,
		Integer anonymousDevicesPerAddressPerMinute, Map<Role, Integer> perMinute, Integer clientPerMinute) {

	public RateLimitProperties {
		enabled = (enabled == null) ? Boolean.TRUE : enabled;
		anonymousPerMinute = (anonymousPerMinute == null) ? 600 : anonymousPerMinute;
		anonymousDevicesPerAddressPerMinute = (anonymousDevicesPerAddressPerMinute == null) ? 6000
				: anonymousDevicesPerAddressPerMinute;
		Map<Role, Integer> limits = new EnumMap<>(Map.of(Role.RESIDENT, 300, Role.ENTERPRISE, 300, Role.STAFF, 600,
				Role.ADMIN, 600, Role.INTEGRATOR, 1200, Role.TERMINAL, 6000));
		if (perMinute != null) {
			limits.putAll(perMinute);
		}
		perMinute = limits;
		clientPerMinute = (clientPerMinute == null) ? 60_000 : clientPerMinute;
	}

	public int forSubject(Subject subject) {
		if (subject == null) {
			return this.anonymousPerMinute;
		}
		return subject.roles().stream().mapToInt((role) -> this.perMinute.getOrDefault(role, 300)).max().orElse(300);
	}

}
