package cn.tongban.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import cn.tongban.platform.graphql.PersistedQueries;
import cn.tongban.platform.graphql.TrustedDocuments;
import org.apache.catalina.core.StandardHost;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.graphql.server.support.BearerTokenAuthenticationExtractor;
import org.springframework.graphql.server.webmvc.AuthenticationWebSocketInterceptor;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.unit.DataSize;

/**
 * Every request is anonymous or carries a valid Bearer JWT (an invalid one is refused with 401
 * before anything runs). HTTP-level rules stay coarse: each GraphQL operation declares its own
 * callers with {@code @PreAuthorize}, checked at start-up by {@link EveryOperationDeclaresAccess}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ResourceServerConfiguration {

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, JsonAuthenticationEntryPoint entryPoint, RateLimitFilter rateLimits,
			SecurityProperties properties) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
			.requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
			.anyRequest().permitAll())
			.oauth2ResourceServer((server) -> server
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(authenticationConverter(properties)))
				.authenticationEntryPoint(entryPoint))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint))
			// bearer tokens only, no cookies: nothing for a cross-site request to ride on
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterAfter(rateLimits, BearerTokenAuthenticationFilter.class);
		return http.build();
	}

	/**
	 * graphql-ws (subscriptions): the Bearer token comes in connection_init's payload as
	 * {@code Authorization}, and is validated like an HTTP one.
	 */
	@Bean
	AuthenticationWebSocketInterceptor graphQlWebSocketAuthentication(
			JwtDecoder decoder, SecurityProperties properties) {
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(
				decoder);
		provider.setJwtAuthenticationConverter(authenticationConverter(properties));
		return new AuthenticationWebSocketInterceptor(
				new BearerTokenAuthenticationExtractor(),
				new ProviderManager(provider));
	}

	/**
	 * Body size, content type and request shape of POST /graphql, checked after authentication (a
	 * forged token is 401 whatever the body) and before GraphQL.
	 */
	@Bean
	FilterRegistrationBean<GraphQlRequestFilter> graphQlRequestFilter(JsonMapper json,
			@Value("${tongban.graphql.max-body-size:256KB}") DataSize maxBodySize,
			PersistedQueries persistedQueries, TrustedDocuments trusted) {
		FilterRegistrationBean<GraphQlRequestFilter> registration = new FilterRegistrationBean<>(
				new GraphQlRequestFilter(json, maxBodySize, persistedQueries, trusted));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
		return registration;
	}

	/** Tomcat's own refusals (oversized headers, malformed request lines) in the GraphQL error shape. */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonTomcatErrors() {
		return (factory) -> factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
			}
		});
	}

	/** The rate-limit filter runs inside the security chain only, not a second time as a servlet filter. */
	@Bean
	FilterRegistrationBean<RateLimitFilter> rateLimitFilterOutsideSecurity(RateLimitFilter filter) {
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	/**
	 * Roles from the roles claim (ROLE_…), scopes from {@code scope} (SCOPE_…). A token with an
	 * {@code act} claim (ours after token exchange, or the provincial platform's) is a delegate's,
	 * whatever roles it lists: ROLE_DELEGATE and its {@code delegate.*} scopes only, so it opens
	 * just the operations that name {@link Delegated} rules.
	 */
	static JwtAuthenticationConverter authenticationConverter(SecurityProperties properties) {
		JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
		roles.setAuthoritiesClaimName(properties.rolesClaim());
		roles.setAuthorityPrefix("ROLE_");
		JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
		Converter<Jwt, Collection<GrantedAuthority>> both = (jwt) -> {
			if (TokenClaims.actorOf(jwt) != null) {
				Collection<GrantedAuthority> delegate = new ArrayList<>(
						List.of(new SimpleGrantedAuthority(Role.DELEGATE.authority())));
				scopes.convert(jwt)
					.stream()
					.filter((scope) -> scope.getAuthority().startsWith("SCOPE_delegate."))
					.forEach(delegate::add);
				return delegate;
			}
			Collection<GrantedAuthority> authorities = new ArrayList<>(roles.convert(jwt));
			authorities.addAll(scopes.convert(jwt));
			return authorities;
		};
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(both);
		return converter;
	}

	/**
	 * External issuer: keys from its JWKS, found through its metadata on first use (so the service
	 * starts even while the issuer is briefly unreachable).
	 */
	@Bean
	@ConditionalOnExpression("'${tongban.security.issuer-uri:}' != ''")
	JwtDecoder externalIssuerJwtDecoder(SecurityProperties properties, ObjectProvider<DelegationStatus> delegations) {
		return new SupplierJwtDecoder(() -> {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
			decoder.setJwtValidator(JwtValidation.validator(properties, delegations.getIfAvailable()));
			return decoder;
		});
	}

}
