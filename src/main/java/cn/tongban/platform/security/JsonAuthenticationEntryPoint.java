package cn.tongban.platform.security;

import java.io.IOException;

import cn.tongban.platform.graphql.PlatformError;
import cn.tongban.platform.graphql.RequestLocaleInterceptor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * A refused Bearer token: 401 with the RFC 6750 {@code WWW-Authenticate} header, and a body shaped
 * like a GraphQL response so clients handle it with their usual error path.
 */
@Component
class JsonAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		this.bearer.commence(request, response, ex);
		GraphQlErrorBody.write(response, PlatformError.INVALID_TOKEN, english(request));
	}

	static boolean english(HttpServletRequest request) {
		return RequestLocaleInterceptor.english(request.getHeader("Accept-Language"));
	}

}
