package cn.tongban.platform.graphql;

import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;

import org.springframework.graphql.execution.ErrorType;

/**
 * A stable error code, sent as {@code extensions.code}. Clients branch on the code, never on the
 * message; the message is Chinese by default and English when the request asks for it
 * ({@code Accept-Language: en}). Codes are never renamed once published. Each module owns its codes
 * in an enum implementing this ({@link PlatformError} holds the platform's); the schema publishes
 * them all in {@code enum ErrorCode}, each module extending it in its own schema file.
 */
public interface ErrorCode {

	/** The code itself, e.g. {@code ITEM_NOT_FOUND}. */
	String name();

	/** Its classification and message templates. */
	Text text();

	/** The GraphQL error classification (and HTTP-like category) of the code. */
	default ErrorType classification() {
		return text().classification();
	}

	/** The Chinese message template ({@code %s} for arguments). */
	default String zh() {
		return text().zh();
	}

	/** The English message template. */
	default String en() {
		return text().en();
	}

	/** The message with its arguments; text arguments are bounded ({@link InputEcho}). */
	default String message(boolean english, Object... args) {
		return String.format(english ? en() : zh(), InputEcho.bounded(args));
	}

	/** The message in both languages at once, for refusals made before the request's language is known. */
	default String messageInBoth(Object... args) {
		return message(false, args) + " / " + message(true, args);
	}

	/** This code as a GraphQL error outside a data fetcher (no path): message, classification, code. */
	default GraphQLError toError(boolean english, Object... args) {
		return GraphqlErrorBuilder.newError()
			.errorType(classification())
			.message(message(english, args))
			.extensions(Map.of("code", name()))
			.build();
	}

	/** A code's classification and its message templates in Chinese and English. */
	record Text(ErrorType classification, String zh, String en) {
	}

}
