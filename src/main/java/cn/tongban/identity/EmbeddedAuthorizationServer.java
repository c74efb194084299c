package cn.tongban.identity;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import cn.tongban.platform.audit.AuditLog;
import cn.tongban.platform.audit.AuditType;
import cn.tongban.platform.limits.SharedBuckets;
import cn.tongban.platform.security.JwtValidation;
import cn.tongban.platform.security.SecurityProperties;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2TokenExchangeAuthenticationConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ErrorAuthenticationFailureHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * The authorization server of the default run (Spring Authorization Server): token endpoint with
 * SMS-code, account-password, client-credentials and token-exchange (亲情代办) grants, JWKS and
 * metadata. Off when an external
 * issuer is configured ({@code TONGBAN_ISSUER_URI}): then this service only validates tokens.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${tongban.security.issuer-uri:}' == ''")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(TokenThrottleProperties.class)
class EmbeddedAuthorizationServer {

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerEndpoints(HttpSecurity http, RegisteredClientRepository clients,
			OAuth2TokenGenerator<? extends OAuth2Token> tokens, AuthorizationServerSettings settings,
			ClientRegistrationRepository clientRegistrations, LoginCodes codes, EnterpriseRepository enterprises,
			StaffAccountRepository accounts,
			PasswordEncoder passwords, LoginLockout lockout, AuditLog audit, JwtDecoder decoder, Delegations delegations,
			Clock clock) throws Exception {
		OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
		http.securityMatcher(server.getEndpointsMatcher())
			.with(server, (authorizationServer) -> authorizationServer.registeredClientRepository(clients)
				.authorizationService(new SelfContainedTokens())
				.tokenGenerator(tokens)
				.authorizationServerSettings(settings)
				.clientAuthentication((client) -> client.errorResponseHandler(auditedClientFailure(audit))
					// secrets with lifetimes, several live during a rotation, and address allow-lists
					.authenticationProviders((providers) -> {
						providers.removeIf((provider) -> provider instanceof ClientSecretAuthenticationProvider);
						providers.add(0, new ClientSecretCheck(clientRegistrations, passwords, clock));
					}))
				.tokenEndpoint((token) -> token
					.accessTokenRequestConverter(new ExtensionGrantConverter(ExtensionGrant.SMS_CODE,
							List.of("mobile", "code"), List.of("credit_code")))
					.accessTokenRequestConverter(new ExtensionGrantConverter(ExtensionGrant.ACCOUNT_PASSWORD,
							List.of("username", "password"), List.of()))
					.accessTokenRequestConverter(new ExtensionGrantConverter(TokenExchangeGrantProvider.TOKEN_EXCHANGE,
							TokenExchangeGrantProvider.REQUIRED, TokenExchangeGrantProvider.OPTIONAL, 4096))
					// ours reads token exchange; the stock one would look the subject token up in a store we do not keep
					.accessTokenRequestConverters((converters) -> converters
						.removeIf((converter) -> converter instanceof OAuth2TokenExchangeAuthenticationConverter))
					.authenticationProvider(
							new TokenExchangeGrantProvider(tokens, decoder, delegations, audit, clock))
					.authenticationProvider(new SmsCodeGrantProvider(tokens, codes, enterprises, audit))
					.authenticationProvider(
							new AccountPasswordGrantProvider(tokens, accounts, passwords, lockout, audit))))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.csrf((csrf) -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()));
		return http.build();
	}

	/** Ahead of Spring Security, so a throttled caller costs no bcrypt check. */
	@Bean
	FilterRegistrationBean<TokenEndpointThrottle> tokenEndpointThrottle(TokenThrottleProperties limits, AuditLog audit,
			JsonMapper json, SharedBuckets buckets) {
		FilterRegistrationBean<TokenEndpointThrottle> registration = new FilterRegistrationBean<>(
				new TokenEndpointThrottle(limits, audit, json, buckets));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
		return registration;
	}

	private static AuthenticationFailureHandler auditedClientFailure(AuditLog audit) {
		OAuth2ErrorAuthenticationFailureHandler standard = new OAuth2ErrorAuthenticationFailureHandler();
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) -> {
			String clientId = request.getParameter("client_id");
			audit.record(AuditType.CLIENT_AUTHENTICATION_FAILED, (clientId != null) ? clientId : "unknown", clientId,
					request.getRemoteAddr(), null, ex.getMessage());
			// RFC 6749 §5.2: a client that tried HTTP authentication gets 401 with a challenge
			HttpServletResponse answer = response;
			if (ex instanceof OAuth2AuthenticationException oauth
					&& OAuth2ErrorCodes.INVALID_CLIENT.equals(oauth.getError().getErrorCode())) {
				response.setHeader("WWW-Authenticate", "Basic realm=\"tongban\"");
				answer = new HttpServletResponseWrapper(response) {
					@Override
					public void setStatus(int status) {
						super.setStatus((status == 400) ? 401 : status);
					}
				};
			}
			try {
				standard.onAuthenticationFailure(request, answer, ex);
			}
			catch (ServletException servletException) {
				throw new IOException(servletException);
			}
		};
	}

	@Bean
	RegisteredClientRepository registeredClientRepository(ClientRegistrationRepository clients) {
		return new MongoRegisteredClientRepository(clients);
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(IdentityProperties properties) {
		return new ImmutableJWKSet<>(new JWKSet(SigningKey.load(properties.signingKeyFile())));
	}

	@Bean
	OAuth2TokenGenerator<? extends OAuth2Token> tokenGenerator(JWKSource<SecurityContext> keys,
			SecurityProperties security, AuditLog audit) {
		JwtGenerator generator = new JwtGenerator(new NimbusJwtEncoder(keys));
		generator.setJwtCustomizer(new TokenClaimsCustomizer(security.audience(), audit));
		return generator;
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(SecurityProperties security) {
		return AuthorizationServerSettings.builder().issuer(security.embeddedIssuer()).build();
	}

	/** Validates tokens against the in-process key set: no HTTP round trip to ourselves. */
	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys, SecurityProperties security, Delegations delegations) {
		NimbusJwtDecoder decoder = (NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
		decoder.setJwtValidator(JwtValidation.validator(security, delegations));
		return decoder;
	}

}
