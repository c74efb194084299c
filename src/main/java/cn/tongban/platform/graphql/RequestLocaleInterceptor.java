package cn.tongban.platform.graphql;

import java.util.List;
import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Messages are Chinese unless the client prefers English in {@code Accept-Language}. Without this,
 * a request without the header would get the server JVM's default locale.
 */
@Component
public class RequestLocaleInterceptor implements WebGraphQlInterceptor, Ordered {

	private static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Locale locale = resolve(request.getHeaders().getFirst("Accept-Language"));
		request.configureExecutionInput((input, builder) -> builder.locale(locale).build());
		return chain.next(request);
	}

	/** Chinese unless {@code Accept-Language} prefers English; also for answers written outside GraphQL. */
	public static boolean english(String acceptLanguage) {
		return resolve(acceptLanguage).equals(Locale.ENGLISH);
	}

	static Locale resolve(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return Locale.SIMPLIFIED_CHINESE;
		}
		try {
			Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
			return (best != null) ? best : Locale.SIMPLIFIED_CHINESE;
		}
		catch (IllegalArgumentException malformed) {
			return Locale.SIMPLIFIED_CHINESE;
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
