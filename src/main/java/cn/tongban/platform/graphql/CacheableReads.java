package cn.tongban.platform.graphql;

import java.io.IOException;
import java.io.InputStream;

import cn.tongban.platform.crypto.Sha256;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Queries over {@code GET /graphql} (by text or by persisted hash) are cacheable: a 2xx answer gets
 * an ETag and {@code If-None-Match} is answered 304 with no body. The ETag covers {@code data} and
 * {@code errors} only: {@code extensions} carries the caller's cost and throttle status, which change
 * with every call and would make every ETag new. Anonymous answers (the catalogue) are {@code public,
 * max-age=60}, so a CDN or the app's HTTP cache may serve them for a minute; answers to a signed-in
 * caller are {@code private} and revalidated each time. Refusals (4xx, 5xx) carry neither.
 */
public class CacheableReads extends ShallowEtagHeaderFilter {

	static final String PUBLIC = "public, max-age=60";

	static final String PRIVATE = "private, no-cache";

	private final JsonMapper json;

	public CacheableReads(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod());
	}

	@Override
	protected boolean isEligibleForEtag(HttpServletRequest request, HttpServletResponse response, int statusCode,
			InputStream inputStream) {
		if (!super.isEligibleForEtag(request, response, statusCode, inputStream)) {
			return false;
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, (request.getHeader(HttpHeaders.AUTHORIZATION) == null) ? PUBLIC : PRIVATE);
		response.setHeader(HttpHeaders.VARY, "Authorization, Accept-Language");
		return true;
	}

	@Override
	protected String generateETagHeaderValue(InputStream inputStream, boolean isWeak) throws IOException {
		byte[] body = inputStream.readAllBytes();
		byte[] covered = body;
		try {
			JsonNode answer = this.json.readTree(body);
			if (answer instanceof ObjectNode object) {
				object.remove("extensions");
				covered = this.json.writeValueAsBytes(object);
			}
		}
		catch (RuntimeException notJson) {
			// not a GraphQL answer: the whole body
		}
		return "W/\"" + Sha256.hex(covered).substring(0, 32) + "\"";
	}

}
