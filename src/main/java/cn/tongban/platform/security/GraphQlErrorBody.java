package cn.tongban.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.tongban.platform.graphql.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/** The body of an HTTP-level refusal, in the GraphQL response shape with a stable code. */
final class GraphQlErrorBody {

	private static final JsonMapper json = JsonMapper.builder().build();

	private GraphQlErrorBody() {
	}

	static void write(HttpServletResponse response, ErrorCode code, boolean english, Object... args)
			throws IOException {
		Map<String, Object> error = code.toError(english, args).toSpecification();
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getOutputStream().write(json.writeValueAsBytes(Map.of("errors", List.of(error))));
	}

}
