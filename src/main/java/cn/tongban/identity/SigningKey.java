package cn.tongban.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.LocalDate;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded authorization server's RSA signing key, kept as a JWK file in the data folder so
 * tokens survive a restart (owner-only permissions). Without a file name, a fresh in-memory key.
 */
final class SigningKey {

	private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

	private SigningKey() {
	}

	static RSAKey load(String file) {
		if (file.isEmpty()) {
			return generate();
		}
		Path path = Path.of(file);
		try {
			if (Files.exists(path)) {
				return RSAKey.parse(Files.readString(path, StandardCharsets.UTF_8));
			}
			RSAKey key = generate();
			Files.createDirectories(path.toAbsolutePath().getParent());
			Files.writeString(path, key.toJSONString(), StandardCharsets.UTF_8);
			try {
				Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException notPosix) {
				log.warn("Cannot restrict permissions of {}", path);
			}
			log.info("Created the token signing key {} in {}", key.getKeyID(), path);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Unreadable signing key file " + path, ex);
		}
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
				.keyID("tongban-" + LocalDate.now() + "-" + UUID.randomUUID().toString().substring(0, 8))
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
