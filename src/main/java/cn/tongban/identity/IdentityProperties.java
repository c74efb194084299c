package cn.tongban.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tongban.identity.*}.
 *
 * @param signingKeyFile where the embedded authorization server keeps its RSA signing key (JWK
 * JSON, made on first start); empty keeps a fresh key in memory (tests)
 * @param devOutbox keep sent SMS messages readable at {@code GET /dev/sms-outbox} (default run
 * and tests only; off in the prod profile)
 * @param codesPerAddressPerHour SMS codes one client address may request per hour
 */
@ConfigurationProperties("tongban.identity")
record IdentityProperties(String signingKeyFile, boolean devOutbox, Integer codesPerAddressPerHour) {

	IdentityProperties {
		signingKeyFile = (signingKeyFile == null) ? "" : signingKeyFile.trim();
		codesPerAddressPerHour = (codesPerAddressPerHour == null) ? 20 : codesPerAddressPerHour;
	}

}
