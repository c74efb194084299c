package cn.tongban.platform.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.UrlPathHelper;

/**
 * The path the dispatcher serves, however the client encoded it: percent-decoded, without
 * {@code ;parameters}, repeated or trailing slashes. Limits compare this, never the raw URI
 * ({@code /%67raphql} is {@code /graphql}): the GraphQL door and rate limits here, the token
 * endpoint's throttle in the identity module.
 */
public final class RequestPaths {

	private static final UrlPathHelper paths = new UrlPathHelper();

	static {
		paths.setUrlDecode(true);
		paths.setRemoveSemicolonContent(true);
	}

	private RequestPaths() {
	}

	public static String normalized(HttpServletRequest request) {
		String path = paths.getPathWithinApplication(request).replaceAll("/{2,}", "/");
		return (path.length() > 1 && path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
	}

	static boolean isGraphQl(HttpServletRequest request) {
		return "/graphql".equals(normalized(request));
	}

}
