package cn.tongban.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import cn.tongban.platform.audit.AuditLog;
import cn.tongban.platform.audit.AuditType;
import cn.tongban.platform.limits.SharedBuckets;
import cn.tongban.platform.graphql.InputEcho;
import cn.tongban.platform.graphql.PlatformError;
import cn.tongban.platform.security.RequestPaths;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles {@code POST /oauth2/token} before Spring Security reads a secret, so no bcrypt work is
 * spent on a throttled caller: requests per client address, requests per account or mobile (the
 * password and SMS-code grants), and failed client authentications per client id (a guessed client
 * secret). Over budget: 429, {@code Retry-After}, and an OAuth2 error body with {@code code}
 * RATE_LIMITED. Budgets: {@link TokenThrottleProperties}.
 */
class TokenEndpointThrottle extends OncePerRequestFilter {

	private final TokenThrottleProperties limits;

	private final AuditLog audit;

	private final JsonMapper json;

	private final SharedBuckets buckets;

	/** One audit record per key and minute, however many requests are refused. */
	private final Cache<String, Boolean> audited = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofMinutes(1))
		.build();

	TokenEndpointThrottle(TokenThrottleProperties limits, AuditLog audit, JsonMapper json, SharedBuckets buckets) {
		this.limits = limits;
		this.buckets = buckets;
		this.audit = audit;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"/oauth2/token".equals(RequestPaths.normalized(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String address = request.getRemoteAddr();
		if (refused("ip:" + address, this.limits.perAddressPerMinute(), Duration.ofMinutes(1), request, response)) {
			return;
		}
		String account = firstPresent(request.getParameter("username"), request.getParameter("mobile"));
		if (account != null && refused("account:" + account.trim(), this.limits.perAccountPerMinute(),
				Duration.ofMinutes(1), request, response)) {
			return;
		}
		String clientId = clientId(request);
		String failuresKey = (clientId != null) ? "client-failures:" + clientId : null;
		if (failuresKey != null && exhausted(failuresKey, request, response)) {
			return;
		}
		chain.doFilter(request, response);
		if (failuresKey != null && response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
			failures(failuresKey).tryConsume(1);
		}
	}

	private boolean refused(String key, int perMinute, Duration period, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Bucket bucket = this.buckets.bucket("token:" + key, perMinute, perMinute, period);
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return false;
		}
		refuse(key, probe.getNanosToWaitForRefill(), request, response);
		return true;
	}

	/** Failed client authentications are counted after the answer; a spent budget refuses the next try. */
	private boolean exhausted(String key, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Bucket bucket = failures(key);
		if (bucket.getAvailableTokens() > 0) {
			return false;
		}
		refuse(key, bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill(), request, response);
		return true;
	}

	private Bucket failures(String key) {
		int allowed = this.limits.clientFailuresPer10Minutes();
		return this.buckets.bucket("token-failures:" + key, allowed, allowed, Duration.ofMinutes(10));
	}

	private void refuse(String key, long nanosToWait, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosToWait) + 1);
		if (this.audited.asMap().putIfAbsent(key, Boolean.TRUE) == null) {
			this.audit.record(AuditType.RATE_LIMITED, InputEcho.bounded(key), null, request.getRemoteAddr(),
					"/oauth2/token", key.substring(0, key.indexOf(':')) + " limit");
		}
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", "rate_limited");
		body.put("error_description", "Too many token requests; retry in " + retryAfter + " seconds");
		body.put("code", PlatformError.RATE_LIMITED.name());
		response.getOutputStream().write(this.json.writeValueAsBytes(body));
	}

	/** From HTTP Basic (client_secret_basic) or the form (client_secret_post); never the secret. */
	private static String clientId(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
						StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				return (colon > 0) ? limit(decoded.substring(0, colon)) : null;
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return limit(request.getParameter("client_id"));
	}

	private static String limit(String value) {
		return (value == null || value.isBlank()) ? null : (value.length() > 100) ? value.substring(0, 100) : value;
	}

	private static String firstPresent(String first, String second) {
		return limit((first != null && !first.isBlank()) ? first : second);
	}

}
