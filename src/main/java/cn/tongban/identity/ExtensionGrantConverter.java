package cn.tongban.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;

/** Reads a token request of one extension grant type; a missing or repeated parameter is invalid_request. */
final class ExtensionGrantConverter implements AuthenticationConverter {

	private static final int MAX_PARAMETER_LENGTH = 128;

	private final AuthorizationGrantType type;

	private final int maxLength;

	private final List<String> required;

	private final List<String> optional;

	ExtensionGrantConverter(AuthorizationGrantType type, List<String> required, List<String> optional) {
		this(type, required, optional, MAX_PARAMETER_LENGTH);
	}

	/** With a longer bound for grants whose parameters are tokens. */
	ExtensionGrantConverter(AuthorizationGrantType type, List<String> required, List<String> optional, int maxLength) {
		this.maxLength = maxLength;
		this.type = type;
		this.required = required;
		this.optional = optional;
	}

	@Override
	public Authentication convert(HttpServletRequest request) {
		if (!this.type.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
			return null;
		}
		Map<String, Object> parameters = new HashMap<>();
		for (String name : this.required) {
			String value = single(request, name, this.maxLength);
			if (value == null || value.isBlank()) {
				throw invalid("parameter " + name + " is required");
			}
			parameters.put(name, value.trim());
		}
		for (String name : this.optional) {
			String value = single(request, name, this.maxLength);
			if (value != null && !value.isBlank()) {
				parameters.put(name, value.trim());
			}
		}
		Authentication client = SecurityContextHolder.getContext().getAuthentication();
		return new ExtensionGrant(this.type, client, parameters, request.getRemoteAddr());
	}

	private static String single(HttpServletRequest request, String name, int maxLength) {
		String[] values = request.getParameterValues(name);
		if (values == null) {
			return null;
		}
		if (values.length > 1 || values[0].length() > maxLength) {
			throw invalid("parameter " + name + " must be given once and be at most " + maxLength + " characters");
		}
		return values[0];
	}

	private static OAuth2AuthenticationException invalid(String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, description, null));
	}

}
