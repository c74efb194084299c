package cn.tongban.platform.graphql;


import cn.tongban.platform.security.Subject;
import graphql.GraphQLError;

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

	@Bean
	RuntimeWiringConfigurer scalars() {
		return (wiring) -> wiring.scalar(DateTimeScalar.INSTANCE).scalar(DateScalar.INSTANCE);
	}

}
