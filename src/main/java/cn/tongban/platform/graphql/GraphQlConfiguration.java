package cn.tongban.platform.graphql;

import java.util.List;

import cn.tongban.platform.security.Subject;
import graphql.GraphQLError;
import jakarta.servlet.DispatcherType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.execution.SubscriptionExceptionResolver;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

	/** Subscriptions refused by method security get the same codes as queries and mutations. */
	@Bean
	SubscriptionExceptionResolver subscriptionErrors() {
		SubscriptionExceptionResolverAdapter resolver = new SubscriptionExceptionResolverAdapter() {
			@Override
			protected GraphQLError resolveToSingleError(Throwable ex) {
				if (!(ex instanceof AccessDeniedException) && !(ex instanceof AuthenticationException)) {
					return null;
				}
				ErrorCode code = (ex instanceof AuthenticationException || Subject.current() == null)
						? PlatformError.UNAUTHORIZED : PlatformError.FORBIDDEN;
				return code.toError(false);
			}
		};
		// the caller's security context, captured with the request, is restored for the resolver
		resolver.setThreadLocalContextAware(true);
		return resolver;
	}

	/** ETags and caching headers on {@code GET /graphql} answers ({@link CacheableReads}); async dispatches included. */
	@Bean
	FilterRegistrationBean<CacheableReads> cacheableReads(JsonMapper json,
			@Value("${spring.graphql.http.path:/graphql}") String path) {
		FilterRegistrationBean<CacheableReads> registration = new FilterRegistrationBean<>(new CacheableReads(json));
		registration.addUrlPatterns(path);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
		return registration;
	}

	/** {@code name} fields in the request's language ({@link Bilingual}). */
	@Bean
	GraphQlSourceBuilderCustomizer localizedNames() {
		return (builder) -> builder.typeVisitors(List.of(new LocalizedNames()));
	}

	@Bean
	RuntimeWiringConfigurer scalars() {
		return (wiring) -> wiring.scalar(DateTimeScalar.INSTANCE).scalar(DateScalar.INSTANCE);
	}

}
