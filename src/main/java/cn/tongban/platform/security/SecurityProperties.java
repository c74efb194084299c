package cn.tongban.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tongban.security.*}. With {@code issuer-uri} empty (the default run) the embedded
 * authorization server issues the tokens; set it ({@code TONGBAN_ISSUER_URI}) and tokens come from
 * that issuer, validated through its published JWKS.
 *
 * @param issuerUri external issuer; empty means the embedded one
 * @param embeddedIssuer the {@code iss} the embedded authorization server writes
 * @param audience the {@code aud} every token must name
 * @param rolesClaim the claim that lists a subject's roles
 */
@ConfigurationProperties("tongban.security")
public record SecurityProperties(String issuerUri, String embeddedIssuer, String audience, String rolesClaim) {

	public SecurityProperties {
		issuerUri = (issuerUri == null) ? "" : issuerUri.trim();
		embeddedIssuer = (embeddedIssuer == null || embeddedIssuer.isBlank()) ? "http://localhost:8080"
				: embeddedIssuer;
		audience = (audience == null || audience.isBlank()) ? "tongban-api" : audience;
		rolesClaim = (rolesClaim == null || rolesClaim.isBlank()) ? TokenClaims.ROLES : rolesClaim;
	}

	public boolean externalIssuer() {
		return !this.issuerUri.isEmpty();
	}

	public String issuer() {
		return externalIssuer() ? this.issuerUri : this.embeddedIssuer;
	}

}
