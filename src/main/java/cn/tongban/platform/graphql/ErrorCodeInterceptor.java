package cn.tongban.platform.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Errors raised by graphql-java before any data fetcher runs (syntax, schema validation, variable
 * coercion, our own request limits) carry no {@code extensions.code}; this gives them one, so
 * every error a client sees can be branched on the same way. Their messages may quote the
 * document or variables; quoted values are bounded ({@link InputEcho}).
 */
@Component
class ErrorCodeInterceptor implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map((response) -> {
			if (response.getErrors().isEmpty()) {
				return response;
			}
			List<GraphQLError> errors = response.getExecutionResult().getErrors();
			List<GraphQLError> coded = errors.stream().map(ErrorCodeInterceptor::withCode).toList();
			boolean unchanged = true;
			for (int i = 0; i < errors.size(); i++) {
				unchanged &= coded.get(i) == errors.get(i);
			}
			return unchanged ? response : response.transform((builder) -> builder.errors(coded));
		});
	}

	private static boolean hasCode(GraphQLError error) {
		return error.getExtensions() != null && error.getExtensions().containsKey("code");
	}

	/** The error with a code and bounded quotes; the same instance when it has both already. */
	private static GraphQLError withCode(GraphQLError error) {
		String bounded = InputEcho.boundQuotes(error.getMessage());
		if (hasCode(error) && Objects.equals(bounded, error.getMessage())) {
			return error;
		}
		ErrorClassification type = error.getErrorType();
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (error.getExtensions() != null) {
			extensions.putAll(error.getExtensions());
		}
		if (!hasCode(error)) {
			ErrorCode code = (type == ErrorType.InvalidSyntax) ? PlatformError.GRAPHQL_PARSE_FAILED
					: (type == ErrorType.ValidationError) ? PlatformError.GRAPHQL_VALIDATION_FAILED
							: PlatformError.INTERNAL_ERROR;
			extensions.put("code", code.name());
		}
		return GraphqlErrorBuilder.newError()
			.message(bounded)
			.locations(error.getLocations())
			.path(error.getPath())
			.errorType(type)
			.extensions(extensions)
			.build();
	}

}
