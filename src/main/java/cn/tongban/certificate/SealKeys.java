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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;

import cn.tongban.platform.crypto.KeyRing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The issuing departments' seal keys (电子印章密钥), one or more per department, each with a key id
 * ({@code SEAL-GA-20261122-3f9a}). A certificate is sealed with its department's newest key; older
 * keys stay to check older seals.
 * <p>
 * The key store is read on a thread of its own while the rest of the application is put together:
 * PKCS#12 key derivation takes seconds in pure Java. Starting (before the seeds and the web server)
 * waits for it, so a key store that cannot be read still stops the start-up.
 */
@Component
@EnableConfigurationProperties(CertificateProperties.class)
class SealKeys implements SmartLifecycle {

	private final CompletableFuture<KeyRing> opening;

	private final boolean createMissing;

	private volatile boolean running;

	SealKeys(CertificateProperties properties) {
		this.opening = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			try {
				this.opening.complete(properties.keystore().isEmpty() ? KeyRing.inMemory()
						: KeyRing.open(Path.of(properties.keystore()), properties.keystorePassword()));
			}
			catch (RuntimeException | Error ex) {
				this.opening.completeExceptionally(ex);
			}
		}, "seal-key-store-reader");
		reader.setDaemon(true);
		reader.start();
		this.createMissing = properties.createMissingKeys();
	}

	private KeyRing ring() {
		try {
			return this.opening.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	@Override
	public void start() {
		ring();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Before the seeds (which seal certificates) and anything serving requests. */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE + 500;
	}

	synchronized KeyRing.Entry sealingKeyFor(String departmentCode) {
		KeyRing.Entry newest = ring().newestOf(departmentCode);
		if (newest != null) {
			return newest;
		}
		prepare(List.of(departmentCode));
		return ring().newestOf(departmentCode);
	}

	/** Makes the missing keys of these departments in one write of the key store (seeding seals for many). */
	synchronized void prepare(Collection<String> departmentCodes) {
		Map<String, String> missing = new LinkedHashMap<>();
		for (String departmentCode : new TreeSet<>(departmentCodes)) {
			if (ring().newestOf(departmentCode) == null) {
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
		ring().generate(missing);
	}

	private static String newKeyId(String departmentCode) {
		return "SEAL-" + departmentCode + "-" + LocalDate.now(Certificate.CHINA).format(DateTimeFormatter.BASIC_ISO_DATE)
				+ "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt(1 << 16));
	}

	KeyRing.Entry find(String keyId) {
		return ring().get(keyId);
	}

	List<KeyRing.Entry> all() {
		return ring().all();
	}

}
