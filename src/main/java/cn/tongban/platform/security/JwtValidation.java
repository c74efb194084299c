package cn.tongban.platform.security;

import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * What every accepted token must satisfy, whoever issued it: issuer, audience, expiry (60 s skew);
 * a delegated token's delegation ({@code dlg}) must still stand.
 */
public final class JwtValidation {

	private JwtValidation() {
	}

	public static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties, DelegationStatus delegations) {
		return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(properties.issuer()),
				new JwtClaimValidator<List<String>>("aud",
						(aud) -> aud != null && aud.contains(properties.audience())),
				delegationStands(delegations));
	}

	private static OAuth2TokenValidator<Jwt> delegationStands(DelegationStatus delegations) {
		OAuth2TokenValidatorResult ended = OAuth2TokenValidatorResult.failure(new OAuth2Error(
				OAuth2ErrorCodes.INVALID_TOKEN, "The delegation this token acts under was revoked or has expired", null));
		return (jwt) -> {
			String delegationId = jwt.getClaimAsString(TokenClaims.DELEGATION);
			if (delegationId == null) {
				return OAuth2TokenValidatorResult.success();
			}
			String actorId = TokenClaims.actorOf(jwt);
			boolean stands = delegations != null && actorId != null
					&& delegations.stands(delegationId, jwt.getSubject(), actorId);
			return stands ? OAuth2TokenValidatorResult.success() : ended;
		};
	}

}
