package cn.tongban.platform.graphql;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.tongban.platform.audit.AuditLog;
import cn.tongban.platform.audit.AuditType;
import cn.tongban.platform.security.Subject;
import com.mongodb.MongoException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Maps every exception a data fetcher throws to a GraphQL error with a classification, a stable
 * {@code extensions.code} and, for input mistakes, the offending {@code extensions.field}.
 * Unexpected failures are logged with their trace and answered with a generic message only.
 */
@Component
class GraphQlExceptionResolver implements DataFetcherExceptionResolver {

	private static final Logger log = LoggerFactory.getLogger(GraphQlExceptionResolver.class);

	private final AuditLog audit;

	GraphQlExceptionResolver(AuditLog audit) {
		this.audit = audit;
	}

	@Override
	public Mono<List<GraphQLError>> resolveException(Throwable ex, DataFetchingEnvironment env) {
		return Mono.just(errors(ex, env, isEnglish(env.getLocale())));
	}

	/**
	 * The errors for a failure at another path than the fetcher's own (an element of a list it
	 * returns); {@code recordDenial} false for a denial already in the audit log for this request.
	 */
	List<GraphQLError> errorsAt(Throwable ex, DataFetchingEnvironment env, ResultPath path, boolean recordDenial) {
		boolean english = isEnglish(env.getLocale());
		List<GraphQLError> errors = (!recordDenial && isDenial(ex)) ? List.of(deniedError(env, english))
				: errors(ex, env, english);
		return errors.stream()
			.map((error) -> GraphqlErrorBuilder.newError(env)
				.path(path)
				.errorType(error.getErrorType())
				.message(error.getMessage())
				.extensions(error.getExtensions())
				.build())
			.toList();
	}

	private static boolean isDenial(Throwable ex) {
		return ex instanceof AccessDeniedException || ex instanceof AuthenticationException;
	}

	private List<GraphQLError> errors(Throwable ex, DataFetchingEnvironment env, boolean english) {
		if (ex instanceof ApiException api) {
			return List.of(error(env, api.code(), api.message(english), api.field()));
		}
		if (isDenial(ex)) {
			return List.of(denied(env, english));
		}
		if (ex instanceof ConstraintViolationException cve) {
			return violations(env, cve, english ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
		}
		if (ex instanceof OptimisticLockingFailureException || ex instanceof DuplicateKeyException) {
			return List.of(error(env, PlatformError.VERSION_CONFLICT, PlatformError.VERSION_CONFLICT.message(english), null));
		}
		if (StorageFailure.in(ex)) {
			log.error("Write not durable in {}: {}", env.getExecutionStepInfo().getPath(), ex.getMessage());
			return List.of(error(env, PlatformError.STORAGE_UNAVAILABLE, PlatformError.STORAGE_UNAVAILABLE.message(english), null));
		}
		if (ex instanceof DataAccessResourceFailureException || ex instanceof MongoException) {
			log.error("Database failure in {}", env.getExecutionStepInfo().getPath(), ex);
			return List.of(error(env, PlatformError.SERVICE_UNAVAILABLE, PlatformError.SERVICE_UNAVAILABLE.message(english), null));
		}
		log.error("Unexpected failure in {}", env.getExecutionStepInfo().getPath(), ex);
		return List.of(error(env, PlatformError.INTERNAL_ERROR, PlatformError.INTERNAL_ERROR.message(english), null));
	}

	/** Anonymous callers are told to sign in; signed-in callers that they may not. */
	private GraphQLError denied(DataFetchingEnvironment env, boolean english) {
		Subject subject = Subject.current();
		String operation = env.getExecutionStepInfo().getPath().toString();
		this.audit.record(AuditType.ACCESS_DENIED, subject, env.getGraphQlContext().get(ClientAddress.KEY), operation,
				null);
		return deniedError(env, english);
	}

	private static GraphQLError deniedError(DataFetchingEnvironment env, boolean english) {
		ErrorCode code = (Subject.current() == null) ? PlatformError.UNAUTHORIZED : PlatformError.FORBIDDEN;
		return error(env, code, code.message(english), null);
	}

	private List<GraphQLError> violations(DataFetchingEnvironment env, ConstraintViolationException cve,
			Locale locale) {
		boolean english = locale.equals(Locale.ENGLISH);
		return cve.getConstraintViolations()
			.stream()
			.sorted(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString()))
			.map((violation) -> error(env, PlatformError.VALIDATION_FAILED,
					PlatformError.VALIDATION_FAILED.message(english) + (english ? ": " : "：")
							+ ViolationMessages.in(locale, violation),
					inputPath(violation)))
			.toList();
	}

	/** "createServiceItem.input.name" → "input.name": the method name means nothing to a client. */
	private static String inputPath(ConstraintViolation<?> violation) {
		String path = violation.getPropertyPath().toString();
		int dot = path.indexOf('.');
		return (dot >= 0) ? path.substring(dot + 1) : path;
	}

	private static GraphQLError error(DataFetchingEnvironment env, ErrorCode code, String message, String field) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code.name());
		if (field != null) {
			extensions.put("field", field);
		}
		return GraphqlErrorBuilder.newError(env)
			.errorType(code.classification())
			.message(message)
			.extensions(extensions)
			.build();
	}

	static boolean isEnglish(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage());
	}

}
