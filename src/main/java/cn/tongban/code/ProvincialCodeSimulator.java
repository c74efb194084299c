package cn.tongban.code;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.tongban.identity.IdentityService;
import cn.tongban.identity.PersonDetails;
import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.PlatformError;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /dev/provincial-code?mobile=…}: a 鲁通码 code as the provincial app would show it,
 * signed with the provincial key the default run's seeds carry. Lets tests and Postman prove that
 * terminals accept the second issuer (一码通城). Off in the prod profile.
 */
@RestController
@Profile("!prod")
@ConditionalOnProperty(name = "tongban.code.provincial-simulator", havingValue = "true")
class ProvincialCodeSimulator {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final String PROVINCIAL_ISSUER = "LTM";

	private final SecureRandom random = new SecureRandom();

	private final TrustList trust;

	private final IdentityService identity;

	private final Clock clock;

	private final int validitySeconds;

	ProvincialCodeSimulator(TrustList trust, IdentityService identity, CodeProperties properties, Clock clock) {
		this.trust = trust;
		this.identity = identity;
		this.clock = clock;
		this.validitySeconds = (int) properties.validity().toSeconds();
	}

	/** One code, or with {@code count} (up to 1,000) that many distinct codes in {@code codes} (load tests). */
	@GetMapping("/dev/provincial-code")
	Map<String, Object> code(@RequestParam String mobile, @RequestParam(defaultValue = "1") int count) {
		if (!MOBILE.matcher(mobile).matches()) {
			throw ApiException.onField("mobile", PlatformError.INVALID_ARGUMENT, "mobile must be 11 digits");
		}
		List<CodeIssuance.Issued> issued = simulate(mobile, Math.min(Math.max(count, 1), 1000));
		return Map.of("code", issued.get(0).text(), "codes", issued.stream().map(CodeIssuance.Issued::text).toList(),
				"issuer", issued.get(0).issuerId(), "expiresAt", issued.get(0).code().expiresAt().toString());
	}

	/**
	 * Codes as the provincial app would issue them, signed with the seeded key: {@code count}
	 * distinct ones (different nonces) for the person with this mobile number.
	 */
	private List<CodeIssuance.Issued> simulate(String mobile, int count) {
		TrustList.SigningKey key = this.trust.simulationKey(PROVINCIAL_ISSUER);
		PersonDetails person = this.identity.personByMobile(mobile)
			.orElseThrow(() -> ApiException.onField("mobile", PlatformError.INVALID_ARGUMENT, "unknown mobile"));
		String reference = this.identity.provincialRef(person.id()).orElseThrow();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		IssuedCode shape = new IssuedCode(reference, HolderKind.PERSON, person.id(), key.keyId(), now,
				now.plusSeconds(this.validitySeconds), null, null);
		List<CodeIssuance.Issued> codes = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			byte[] nonce = new byte[8];
			this.random.nextBytes(nonce);
			byte[] payload = CodeFormat.payload(PROVINCIAL_ISSUER, key.keyId(), HolderKind.PERSON,
					HexFormat.of().parseHex(reference), now, this.validitySeconds, nonce);
			codes.add(new CodeIssuance.Issued(CodeFormat.text(payload, key.sign(payload)), shape, PROVINCIAL_ISSUER));
		}
		return codes;
	}

	/** A bad or unknown number is the caller's mistake: 400 with the code, not a 500 and a trace. */
	@ExceptionHandler(ApiException.class)
	ResponseEntity<Map<String, Object>> refused(ApiException ex) {
		return ResponseEntity.badRequest()
			.body(Map.of("error", ex.message(true), "code", ex.code().name()));
	}

}
