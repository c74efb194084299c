package cn.tongban.certificate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tongban.certificate.*}.
 *
 * @param keystore PKCS#12 file of the issuers' SM2 seal keys; empty keeps them in memory (tests)
 * @param keystorePassword its password ({@code TONGBAN_SEAL_KEYSTORE_PASSWORD} in production)
 * @param createMissingKeys make a key for a department that has none (default run); production
 * turns this off and supplies every key in the keystore
 */
@ConfigurationProperties("tongban.certificate")
record CertificateProperties(String keystore, String keystorePassword, Boolean createMissingKeys) {

	CertificateProperties {
		keystore = (keystore == null) ? "" : keystore.trim();
		keystorePassword = (keystorePassword == null || keystorePassword.isEmpty()) ? "tongban-dev-only"
				: keystorePassword;
		createMissingKeys = (createMissingKeys == null) ? Boolean.TRUE : createMissingKeys;
	}

}
