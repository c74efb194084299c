package cn.tongban.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.tongban.platform.graphql.PlatformError;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Tomcat answers itself, before any filter runs (a header block over
 * {@code server.max-http-request-header-size}, a malformed request line or URI): the GraphQL error
 * shape with a code instead of Tomcat's HTML page, and nothing about the server.
 */
public class JsonErrorReportValve extends ErrorReportValve {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		String code = switch (status) {
			case 400, 414, 431 -> PlatformError.INVALID_REQUEST.name();
			case 413 -> PlatformError.REQUEST_TOO_LARGE.name();
			case 404 -> PlatformError.NOT_FOUND.name();
			default -> "HTTP_" + status;
		};
		Map<String, Object> error = Map.of("message", "The request was refused before it reached the service (HTTP "
				+ status + ")", "extensions", Map.of("code", code));
		try {
			response.setContentType("application/json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getOutputStream().write(json.writeValueAsBytes(Map.of("errors", List.of(error))));
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response is already on its way
		}
	}

}
