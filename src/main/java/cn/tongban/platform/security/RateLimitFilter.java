package cn.tongban.platform.security;

import java.io.IOException;
import java.time.Duration;

import cn.tongban.platform.audit.AuditLog;
import cn.tongban.platform.audit.AuditType;
import cn.tongban.platform.graphql.ClientAddress;
import cn.tongban.platform.graphql.PlatformError;
import cn.tongban.platform.limits.SharedBuckets;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Token buckets (Bucket4j) per subject and per client in front of {@code /graphql} (the
 * normalized path, however encoded). Anonymous callers are counted per app installation when they
 * send {@code X-Device-Id} (with a larger shared budget per address, so residents behind one
 * carrier NAT do not share 600 a minute), else per address. Every answer
 * carries {@code X-RateLimit-Limit} and {@code X-RateLimit-Remaining}; over budget it is 429 with
 * {@code Retry-After} and code RATE_LIMITED. Buckets are shared by every instance ({@link SharedBuckets}): the
 * budget is the same however many instances serve the caller, see docs/security.md.
 */
@Component
class RateLimitFilter extends OncePerRequestFilter {

	static final String DEVICE_HEADER = ClientAddress.DEVICE_HEADER;

	private final RateLimitProperties properties;

	private final AuditLog audit;

	private final SharedBuckets buckets;

	/** One audit record per key and minute, however many requests are refused. */
	private final Cache<String, Boolean> audited = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofMinutes(1))
		.build();

	RateLimitFilter(RateLimitProperties properties, AuditLog audit, SharedBuckets buckets) {
		this.properties = properties;
		this.buckets = buckets;
		this.audit = audit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.properties.enabled() || !RequestPaths.isGraphQl(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Subject subject = Subject.current();
		String device = (subject == null) ? deviceId(request) : null;
		String subjectKey = (subject != null) ? "sub:" + subject.id()
				: (device != null) ? "device:" + device : "ip:" + request.getRemoteAddr();
		int subjectLimit = this.properties.forSubject(subject);
		ConsumptionProbe probe = bucket(subjectKey, subjectLimit).tryConsumeAndReturnRemaining(1);
		int limit = subjectLimit;
		if (probe.isConsumed() && device != null) {
			// devices behind one address (a carrier NAT) share a larger budget, which still bounds a
			// client that invents a new device id per request
			String addressKey = "devices-at:" + request.getRemoteAddr();
			int addressLimit = this.properties.anonymousDevicesPerAddressPerMinute();
			ConsumptionProbe address = bucket(addressKey, addressLimit).tryConsumeAndReturnRemaining(1);
			if (!address.isConsumed() || address.getRemainingTokens() < probe.getRemainingTokens()) {
				probe = address;
				limit = addressLimit;
				subjectKey = addressKey;
			}
		}
		if (probe.isConsumed() && subject != null && subject.clientId() != null
				&& !subject.clientId().equals(subject.id())) {
			ConsumptionProbe client = bucket("client:" + subject.clientId(), this.properties.clientPerMinute())
				.tryConsumeAndReturnRemaining(1);
			if (!client.isConsumed() || client.getRemainingTokens() < probe.getRemainingTokens()) {
				probe = client;
				limit = this.properties.clientPerMinute();
				subjectKey = "client:" + subject.clientId();
			}
		}
		response.setHeader("X-RateLimit-Limit", Integer.toString(limit));
		response.setHeader("X-RateLimit-Remaining", Long.toString(Math.max(0, probe.getRemainingTokens())));
		if (probe.isConsumed()) {
			chain.doFilter(request, response);
			return;
		}
		long retryAfter = SharedBuckets.retryAfterSeconds(probe);
		if (this.audited.asMap().putIfAbsent(subjectKey, Boolean.TRUE) == null) {
			this.audit.record(AuditType.RATE_LIMITED, subject, request.getRemoteAddr(), subjectKey,
					"limit " + limit + "/min");
		}
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader("Retry-After", Long.toString(retryAfter));
		GraphQlErrorBody.write(response, PlatformError.RATE_LIMITED, JsonAuthenticationEntryPoint.english(request),
				retryAfter);
	}

	/** The app's per-installation id ({@value #DEVICE_HEADER}), when well-formed. */
	static String deviceId(HttpServletRequest request) {
		return ClientAddress.deviceId(request.getHeader(DEVICE_HEADER));
	}

	private Bucket bucket(String key, int perMinute) {
		return this.buckets.bucket("graphql:" + key, perMinute, perMinute, Duration.ofMinutes(1));
	}

}
