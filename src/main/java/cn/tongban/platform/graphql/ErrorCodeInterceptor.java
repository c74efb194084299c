package cn.tongban.platform.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * every error a client sees can be branched on the same way.
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
			if (errors.stream().allMatch(ErrorCodeInterceptor::hasCode)) {
				return response;
			}
			return response.transform((builder) -> builder
				.errors(errors.stream().map(ErrorCodeInterceptor::withCode).toList()));
		});
	}

	private static boolean hasCode(GraphQLError error) {
		return error.getExtensions() != null && error.getExtensions().containsKey("code");
	}

	private static GraphQLError withCode(GraphQLError error) {
		if (hasCode(error)) {
			return error;
		}
		ErrorClassification type = error.getErrorType();
		ErrorCode code = (type == ErrorType.InvalidSyntax) ? ErrorCode.GRAPHQL_PARSE_FAILED
				: (type == ErrorType.ValidationError) ? ErrorCode.GRAPHQL_VALIDATION_FAILED : ErrorCode.INTERNAL_ERROR;
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (error.getExtensions() != null) {
			extensions.putAll(error.getExtensions());
		}
		extensions.put("code", code.name());
		return GraphqlErrorBuilder.newError()
			.message(error.getMessage())
			.locations(error.getLocations())
			.path(error.getPath())
			.errorType(type)
			.extensions(extensions)
			.build();
	}

}
