package cn.tongban.certificate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

import cn.tongban.platform.crypto.KeyRing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The issuing departments' seal keys (电子印章密钥), one or more per department, each with a key id
 * ({@code SEAL-GA-20261122-3f9a}). A certificate is sealed with its department's newest key; older
 * keys stay to check older seals.
 */
@Component
@EnableConfigurationProperties(CertificateProperties.class)
class SealKeys {

	private final KeyRing ring;

	private final boolean createMissing;

	SealKeys(CertificateProperties properties) {
		this.ring = properties.keystore().isEmpty() ? KeyRing.inMemory()
				: KeyRing.open(Path.of(properties.keystore()), properties.keystorePassword());
		this.createMissing = properties.createMissingKeys();
	}

	synchronized KeyRing.Entry sealingKeyFor(String departmentCode) {
		KeyRing.Entry newest = this.ring.newestOf(departmentCode);
		if (newest != null) {
			return newest;
		}
		prepare(List.of(departmentCode));
		return this.ring.newestOf(departmentCode);
	}

	/** Makes the missing keys of these departments in one write of the key store (seeding seals for many). */
	synchronized void prepare(Collection<String> departmentCodes) {
		Map<String, String> missing = new LinkedHashMap<>();
		for (String departmentCode : new TreeSet<>(departmentCodes)) {
			if (this.ring.newestOf(departmentCode) == null) {
				missing.put(newKeyId(departmentCode), departmentCode);
			}
		}
		if (missing.isEmpty()) {
			return;
		}
		if (!this.createMissing) {
			throw new IllegalStateException("No seal key for department " + String.join(", ", missing.values())
					+ " in the keystore, and tongban.certificate.create-missing-keys is off");
		}
		this.ring.generate(missing);
	}

	private static String newKeyId(String departmentCode) {
		return "SEAL-" + departmentCode + "-" + LocalDate.now(Certificate.CHINA).format(DateTimeFormatter.BASIC_ISO_DATE)
				+ "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt(1 << 16));
	}

	KeyRing.Entry find(String keyId) {
		return this.ring.get(keyId);
	}

	List<KeyRing.Entry> all() {
		return this.ring.all();
	}

}
