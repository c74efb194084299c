package cn.tongban.code;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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

	private final CodeService codes;

	ProvincialCodeSimulator(CodeService codes) {
		this.codes = codes;
	}

	/** One code, or with {@code count} (up to 1,000) that many distinct codes in {@code codes} (load tests). */
	@GetMapping("/dev/provincial-code")
	Map<String, Object> code(@RequestParam String mobile, @RequestParam(defaultValue = "1") int count) {
		if (!MOBILE.matcher(mobile).matches()) {
			throw ApiException.onField("mobile", PlatformError.INVALID_ARGUMENT, "mobile must be 11 digits");
		}
		List<CodeService.Issued> issued = this.codes.simulateProvincial(mobile, Math.min(Math.max(count, 1), 1000));
		return Map.of("code", issued.get(0).text(), "codes", issued.stream().map(CodeService.Issued::text).toList(),
				"issuer", issued.get(0).issuerId(), "expiresAt", issued.get(0).code().expiresAt().toString());
	}

	/** A bad or unknown number is the caller's mistake: 400 with the code, not a 500 and a trace. */
	@ExceptionHandler(ApiException.class)
	ResponseEntity<Map<String, Object>> refused(ApiException ex) {
		return ResponseEntity.badRequest()
			.body(Map.of("error", ex.message(true), "code", ex.code().name()));
	}

}
