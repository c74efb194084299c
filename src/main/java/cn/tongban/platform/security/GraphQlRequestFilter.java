package cn.tongban.platform.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import cn.tongban.platform.graphql.ErrorCode;
import cn.tongban.platform.graphql.PersistedQueries;
import cn.tongban.platform.graphql.TrustedDocuments;
import cn.tongban.platform.graphql.PlatformError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The door of {@code POST /graphql}, after authentication and ahead of GraphQL: the body must be JSON
 * (415 otherwise), at most {@code tongban.graphql.max-body-size} (413; read into memory up to that
 * size only, so big bodies cannot exhaust the heap), valid UTF-8, and a GraphQL request object
 * ({@code query} a string, {@code operationName} a string or null, {@code variables} and
 * {@code extensions} objects or null). Every refusal has the GraphQL error shape and a code. A
 * request with {@code extensions.persistedQuery} may leave the query out: {@link PersistedQueries}
 * supplies the registered text, or the protocol's not-found answer.
 */
class GraphQlRequestFilter extends OncePerRequestFilter {

	private final JsonMapper json;

	private final int maxBodyBytes;

	private final PersistedQueries persistedQueries;

	private final TrustedDocuments trusted;

	GraphQlRequestFilter(JsonMapper json, DataSize maxBodySize, PersistedQueries persistedQueries,
			TrustedDocuments trusted) {
		this.trusted = trusted;
		this.json = json;
		this.persistedQueries = persistedQueries;
		this.maxBodyBytes = (int) Math.min(Integer.MAX_VALUE - 1, maxBodySize.toBytes());
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !RequestPaths.isGraphQl(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean english = JsonAuthenticationEntryPoint.english(request);
		if (!isJson(request.getContentType())) {
			refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, PlatformError.UNSUPPORTED_MEDIA_TYPE, english);
			return;
		}
		if (request.getContentLengthLong() > this.maxBodyBytes) {
			refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, PlatformError.REQUEST_TOO_LARGE, english, this.maxBodyBytes);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(this.maxBodyBytes + 1);
		if (body.length > this.maxBodyBytes) {
			refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, PlatformError.REQUEST_TOO_LARGE, english, this.maxBodyBytes);
			return;
		}
		Checked checked = check(body);
		if (checked.problem() != null) {
			refuse(response, HttpStatus.BAD_REQUEST, PlatformError.INVALID_REQUEST, english, checked.problem());
			return;
		}
		try {
			body = withPersistedQuery(body, checked.request());
		}
		catch (PersistedQueries.Refusal refusal) {
			response.setStatus(refusal.isNotFound() ? HttpStatus.OK.value() : HttpStatus.BAD_REQUEST.value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getOutputStream().write(this.json.writeValueAsBytes(Map.of("errors", List.of(refusal.toError(english)))));
			return;
		}
		JsonNode query = checked.request().get("query");
		if (!this.trusted.allows((query != null && query.isString()) ? query.asString() : null,
				SecurityContextHolder.getContext().getAuthentication())) {
			refuse(response, HttpStatus.BAD_REQUEST, PlatformError.PERSISTED_QUERY_NOT_ALLOWED, english);
			return;
		}
		chain.doFilter(new CachedBody(request, body), response);
	}

	/** The body with the registered query text filled in when only a persisted-query hash was sent. */
	private byte[] withPersistedQuery(byte[] body, JsonNode request) {
		JsonNode extensions = request.get("extensions");
		JsonNode persisted = (extensions != null && extensions.isObject()) ? extensions.get("persistedQuery") : null;
		if (persisted == null || persisted.isNull()) {
			return body;
		}
		JsonNode query = request.get("query");
		String sent = (query != null && query.isString()) ? query.asString() : null;
		String text = this.persistedQueries.resolve(sent, this.json.treeToValue(persisted, Object.class));
		if (text.equals(sent)) {
			return body;
		}
		((ObjectNode) request).put("query", text);
		return this.json.writeValueAsBytes(request);
	}

	private static boolean isJson(String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
					|| "application/graphql-response+json".equals(type.getType() + "/" + type.getSubtype());
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/** The body read once: the request object, or what is wrong with it in a few words (no input echoed). */
	private record Checked(JsonNode request, String problem) {

		static Checked refused(String problem) {
			return new Checked(null, problem);
		}

	}

	Checked check(byte[] body) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body));
		}
		catch (CharacterCodingException ex) {
			return Checked.refused("not UTF-8");
		}
		JsonNode request;
		try {
			request = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return Checked.refused("not JSON");
		}
		if (request == null || !request.isObject()) {
			return Checked.refused("not a JSON object");
		}
		JsonNode query = request.get("query");
		JsonNode extensions = request.get("extensions");
		boolean persisted = extensions != null && extensions.isObject() && extensions.hasNonNull("persistedQuery");
		if (persisted ? !nullOr(query, JsonNode::isString)
				: (query == null || !query.isString() || query.asString().isBlank())) {
			return Checked.refused("query must be a non-empty string");
		}
		if (!nullOr(request.get("operationName"), JsonNode::isString)) {
			return Checked.refused("operationName must be a string");
		}
		if (!nullOr(request.get("variables"), JsonNode::isObject)) {
			return Checked.refused("variables must be an object");
		}
		if (!nullOr(request.get("extensions"), JsonNode::isObject)) {
			return Checked.refused("extensions must be an object");
		}
		return new Checked(request, null);
	}

	private static boolean nullOr(JsonNode node, Predicate<JsonNode> valid) {
		return node == null || node.isNull() || valid.test(node);
	}

	private static void refuse(HttpServletResponse response, HttpStatus status, ErrorCode code, boolean english,
			Object... args) throws IOException {
		response.setStatus(status.value());
		GraphQlErrorBody.write(response, code, english, args);
	}

	/** The request with its body already read into memory. */
	private static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("synchronous reads only");
				}

			};
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
