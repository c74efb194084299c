package cn.tongban.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SM2 key rings: keys survive a restart in their PKCS#12 file, which only the owner can read. */
class KeyRingTests {

	@TempDir
	Path folder;

	@Test
	void aKeyMadeOnFirstRunVerifiesAfterReopening() throws Exception {
		Path file = this.folder.resolve("keys.p12");
		KeyRing ring = KeyRing.open(file, "secret");
		KeyRing.Entry key = ring.generate("SEAL-GA-TEST-0001", "GA");
		byte[] message = "证照".getBytes(StandardCharsets.UTF_8);
		byte[] signature = key.sign(message);
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

		KeyRing reopened = KeyRing.open(file, "secret");
		KeyRing.Entry loaded = reopened.get("SEAL-GA-TEST-0001");
		assertThat(loaded.owner()).isEqualTo("GA");
		assertThat(loaded.verify(message, signature)).isTrue();
		assertThat(loaded.verify("证照!".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
		// and the reloaded private key signs what the original public key accepts
		assertThat(key.verify(message, loaded.sign(message))).isTrue();
		assertThat(reopened.newestOf("GA").keyId()).isEqualTo("SEAL-GA-TEST-0001");
	}

	@Test
	void aWrongPasswordIsRefused() {
		Path file = this.folder.resolve("keys.p12");
		KeyRing.open(file, "secret").generate("K1", "GA");
		assertThatThrownBy(() -> KeyRing.open(file, "wrong")).isInstanceOf(RuntimeException.class);
	}

	@Test
	void garbageIsNoSignature() {
		KeyRing.Entry key = KeyRing.inMemory().generate("K2", "MZ");
		assertThat(key.verify(new byte[] { 1 }, new byte[] { 0x30, 0x01, 0x00 })).isFalse();
		// and the cached instance still works after the failure
		assertThat(key.verify(new byte[] { 1 }, key.sign(new byte[] { 1 }))).isTrue();
	}

}
