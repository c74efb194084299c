package cn.tongban.certificate;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key store is read off the main thread, but a store that cannot be read still stops the start. */
class SealKeysTests {

	@TempDir
	Path folder;

	@Test
	void keysMadeInOneRunAreReadInTheNext() {
		String file = this.folder.resolve("seal-keys.p12").toString();
		SealKeys first = new SealKeys(new CertificateProperties(file, "secret-1", true));
		first.start();
		String keyId = first.sealingKeyFor("GA").keyId();

		SealKeys second = new SealKeys(new CertificateProperties(file, "secret-1", false));
		second.start();

		assertThat(second.isRunning()).isTrue();
		assertThat(second.all()).extracting((entry) -> entry.keyId()).isEqualTo(List.of(keyId));
	}

	@Test
	void aStoreThatCannotBeReadStopsTheStart() {
		String file = this.folder.resolve("seal-keys.p12").toString();
		SealKeys first = new SealKeys(new CertificateProperties(file, "secret-1", true));
		first.sealingKeyFor("GA");

		SealKeys wrongPassword = new SealKeys(new CertificateProperties(file, "not-the-password", true));

		assertThatThrownBy(wrongPassword::start).hasMessageContaining("Cannot read key store");
		assertThat(wrongPassword.isRunning()).isFalse();
	}

}
