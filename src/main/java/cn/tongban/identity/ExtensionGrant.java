package cn.tongban.identity;

import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;

/** A token request with one of Tongban's extension grant types, before it is checked. */
final class ExtensionGrant extends OAuth2AuthorizationGrantAuthenticationToken {

	/** Resident or enterprise agent: mobile number + SMS code (+ credit code to act for an enterprise). */
	static final AuthorizationGrantType SMS_CODE = new AuthorizationGrantType(
			"urn:tongban:params:oauth:grant-type:sms-code");

	/** Staff or administrator: account name + password. */
	static final AuthorizationGrantType ACCOUNT_PASSWORD = new AuthorizationGrantType(
			"urn:tongban:params:oauth:grant-type:account-password");

	private final String address;

	ExtensionGrant(AuthorizationGrantType type, Authentication client, Map<String, Object> parameters,
			String address) {
		super(type, client, parameters);
		this.address = address;
	}

	String parameter(String name) {
		Object value = getAdditionalParameters().get(name);
		return (value != null) ? value.toString() : null;
	}

	String address() {
		return this.address;
	}

}
