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
			if (errors.stream().allMatch((error) -> hasCode(error) && isBounded(error))) {
				return response;
			}
			return response.transform((builder) -> builder
				.errors(errors.stream().map(ErrorCodeInterceptor::withCode).toList()));
		});
	}

	private static boolean hasCode(GraphQLError error) {
		return error.getExtensions() != null && error.getExtensions().containsKey("code");
	}

	private static boolean isBounded(GraphQLError error) {
		String message = error.getMessage();
		return message == null || message.equals(InputEcho.boundQuotes(message));
	}

	private static GraphQLError withCode(GraphQLError error) {
		if (hasCode(error) && isBounded(error)) {
			return error;
		}
		ErrorClassification type = error.getErrorType();
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (error.getExtensions() != null) {
			extensions.putAll(error.getExtensions());
		}
		if (!hasCode(error)) {
			ErrorCode code = (type == ErrorType.InvalidSyntax) ? ErrorCode.GRAPHQL_PARSE_FAILED
					: (type == ErrorType.ValidationError) ? ErrorCode.GRAPHQL_VALIDATION_FAILED
							: ErrorCode.INTERNAL_ERROR;
			extensions.put("code", code.name());
		}
		return GraphqlErrorBuilder.newError()
			.message(InputEcho.boundQuotes(error.getMessage()))
			.locations(error.getLocations())
			.path(error.getPath())
			.errorType(type)
			.extensions(extensions)
			.build();
	}

}
