package cn.tongban.code;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tongban.code.*}.
 *
 * @param validity how long a code is good for, 10 to 60 seconds (default 60)
 * @param keystore PKCS#12 file of 青岛码's SM2 signing keys; empty keeps them in memory (tests)
 * @param keystorePassword its password ({@code TONGBAN_CODE_KEYSTORE_PASSWORD} in production)
 * @param provincialSimulator serve {@code GET /dev/provincial-code} (default run only)
 */
@ConfigurationProperties("tongban.code")
record CodeProperties(Duration validity, String keystore, String keystorePassword, boolean provincialSimulator) {

	CodeProperties {
		validity = (validity == null) ? Duration.ofSeconds(60) : validity;
		if (validity.toSeconds() < 10 || validity.toSeconds() > 60) {
			throw new IllegalArgumentException("tongban.code.validity must be 10 to 60 seconds, not " + validity);
		}
		keystore = (keystore == null) ? "" : keystore.trim();
		keystorePassword = (keystorePassword == null || keystorePassword.isEmpty()) ? "tongban-dev-only"
				: keystorePassword;
	}

}
