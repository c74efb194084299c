package cn.tongban.platform.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import jakarta.servlet.ServletException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * GraphQL over HTTP GET (for cacheable queries, per the GraphQL-over-HTTP spec): the request's
 * {@code query}, {@code operationName}, {@code variables} and {@code extensions} parameters are
 * handed to the same handler as POST. Mutations and subscriptions over GET are refused with 405.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class GraphQlGetRoute {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> graphQlGetRouterFunction(GraphQlProperties properties,
			GraphQlHttpHandler httpHandler, JsonMapper jsonMapper, PersistedQueries persistedQueries,
			TrustedDocuments trusted) {
		return RouterFunctions.route()
			.GET(properties.getHttp().getPath(),
					RequestPredicates.param("query", (value) -> true).or(RequestPredicates.param("extensions", (value) -> true)),
					(request) -> handle(request, httpHandler, jsonMapper, persistedQueries, trusted))
			.build();
	}

	private static ServerResponse handle(ServerRequest request, GraphQlHttpHandler httpHandler, JsonMapper json,
			PersistedQueries persistedQueries, TrustedDocuments trusted) throws ServletException {
		String query;
		try {
			Object persisted = jsonParam(request, "extensions", json).map((ext) -> ext.get("persistedQuery")).orElse(null);
			query = persistedQueries.resolve(request.param("query").orElse(null), persisted);
		}
		catch (JacksonException | ClassCastException ex) {
			return ServerResponse.badRequest()
				.contentType(MediaType.APPLICATION_JSON)
				.body(errorBody(PlatformError.INVALID_REQUEST.name(), "variables / extensions 必须是 JSON 对象 / must be JSON objects"));
		}
		catch (PersistedQueries.Refusal refusal) {
			boolean english = RequestLocaleInterceptor.english(request.headers().firstHeader(HttpHeaders.ACCEPT_LANGUAGE));
			return ServerResponse.status(refusal.isNotFound() ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("errors", List.of(refusal.toError(english))));
		}
		if (query == null || query.isBlank()) {
			return ServerResponse.badRequest()
				.contentType(MediaType.APPLICATION_JSON)
				.body(errorBody(PlatformError.INVALID_REQUEST.name(), "query 不能为空 / query must be a non-empty string"));
		}
		if (!trusted.allows(query, SecurityContextHolder.getContext().getAuthentication())) {
			return ServerResponse.badRequest()
				.contentType(MediaType.APPLICATION_JSON)
				.body(errorBody(PlatformError.PERSISTED_QUERY_NOT_ALLOWED.name(),
						PlatformError.PERSISTED_QUERY_NOT_ALLOWED.messageInBoth()));
		}
		Optional<String> operationName = request.param("operationName").filter((name) -> !name.isBlank());
		if (!isQuery(query, operationName.orElse(null))) {
			return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
				.header(HttpHeaders.ALLOW, "POST")
				.contentType(MediaType.APPLICATION_JSON)
				.body(errorBody(PlatformError.MUTATION_OVER_GET.name(), PlatformError.MUTATION_OVER_GET.messageInBoth()));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		operationName.ifPresent((name) -> body.put("operationName", name));
		try {
			jsonParam(request, "variables", json).ifPresent((vars) -> body.put("variables", vars));
			jsonParam(request, "extensions", json).ifPresent((ext) -> body.put("extensions", ext));
		}
		catch (JacksonException | ClassCastException ex) {
			return ServerResponse.badRequest()
				.contentType(MediaType.APPLICATION_JSON)
				.body(errorBody(PlatformError.INVALID_REQUEST.name(), "variables / extensions 必须是 JSON 对象 / must be JSON objects"));
		}
		ServerRequest asPost = ServerRequest.from(request)
			.method(HttpMethod.POST)
			.headers((headers) -> headers.setContentType(MediaType.APPLICATION_JSON))
			.body(json.writeValueAsString(body))
			.build();
		return httpHandler.handleRequest(asPost);
	}

	@SuppressWarnings("unchecked")
	private static Optional<Map<String, Object>> jsonParam(ServerRequest request, String name, JsonMapper json) {
		return request.param(name).filter((raw) -> !raw.isBlank()).map((raw) -> (Map<String, Object>) json.readValue(raw, Map.class));
	}

	/**
	 * Unparseable documents count as queries: execution then reports the syntax error the usual way.
	 */
	private static boolean isQuery(String query, String operationName) {
		Document document;
		try {
			document = Parser.parse(query);
		}
		catch (InvalidSyntaxException ex) {
			return true;
		}
		return document.getDefinitionsOfType(OperationDefinition.class)
			.stream()
			.filter((op) -> operationName == null || operationName.equals(op.getName()))
			.findFirst()
			.map((op) -> op.getOperation() == OperationDefinition.Operation.QUERY)
			.orElse(true);
	}

	private static Map<String, Object> errorBody(String code, String message) {
		return Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("code", code))));
	}

}
