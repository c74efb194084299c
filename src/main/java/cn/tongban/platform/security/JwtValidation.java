package cn.tongban.platform.security;

import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/** What every accepted token must satisfy, whoever issued it: issuer, audience, expiry (60 s skew). */
public final class JwtValidation {

	private JwtValidation() {
	}

	public static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
		return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(properties.issuer()),
				new JwtClaimValidator<List<String>>("aud",
						(aud) -> aud != null && aud.contains(properties.audience())));
	}

}
