package cn.tongban.platform.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * SM2 key pairs by key id, kept in a PKCS#12 key store (each key with a self-signed certificate
 * naming its owner). With a file the ring is read from it and every new key is written back
 * (owner-only permissions); production supplies the file and may forbid new keys. Without a file
 * the ring lives in memory (tests).
 */
public final class KeyRing {

	private final Path file;

	private final char[] password;

	private final KeyStore store;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	/** Private keys, decrypted on first use: PKCS#12 key decryption is slow (key derivation). */
	private final Map<String, PrivateKey> privateKeys = new ConcurrentHashMap<>();

	private KeyRing(Path file, char[] password, KeyStore store) {
		this.file = file;
		this.password = password;
		this.store = store;
	}

	/** Reads the file if it exists, else starts an empty ring that will be written there. */
	public static KeyRing open(Path file, String password) {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12", Sm2.PROVIDER);
			if (file != null && Files.exists(file)) {
				try (InputStream in = Files.newInputStream(file)) {
					store.load(in, password.toCharArray());
				}
			}
			else {
				store.load(null, null);
			}
			KeyRing ring = new KeyRing(file, password.toCharArray(), store);
			ring.readEntries();
			return ring;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read key store " + file, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot read key store " + file, ex);
		}
	}

	public static KeyRing inMemory() {
		return open(null, "in-memory");
	}

	private void readEntries() throws GeneralSecurityException {
		for (String alias : Collections.list(this.store.aliases())) {
			if (this.store.isKeyEntry(alias)) {
				X509Certificate certificate = (X509Certificate) this.store.getCertificate(alias);
				this.entries.put(alias, new Entry(alias, owner(certificate), this, certificate.getPublicKey(),
						certificate.getNotBefore().toInstant().plusSeconds(60)));
			}
		}
	}

	/** Makes a key pair for {@code owner} under {@code keyId} and stores it. */
	public Entry generate(String keyId, String owner) {
		return generate(Map.of(keyId, owner)).get(0);
	}

	/**
	 * Makes a key pair per key id (for the owner it maps to) and writes the store once: every write
	 * re-encrypts every key in the store, so keys made one by one cost a write each.
	 */
	public synchronized List<Entry> generate(Map<String, String> ownersByKeyId) {
		Instant now = Instant.now();
		Map<String, KeyPair> pairs = new LinkedHashMap<>();
		try {
			for (Map.Entry<String, String> wanted : ownersByKeyId.entrySet()) {
				KeyPair pair = Sm2.generateKeyPair();
				X509Certificate certificate = selfSigned(pair, wanted.getValue(), now);
				this.store.setKeyEntry(wanted.getKey(), pair.getPrivate(), this.password, new Certificate[] { certificate });
				pairs.put(wanted.getKey(), pair);
			}
			save();
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot make keys " + ownersByKeyId.keySet(), ex);
		}
		List<Entry> made = new ArrayList<>();
		pairs.forEach((keyId, pair) -> {
			this.privateKeys.put(keyId, pair.getPrivate());
			Entry entry = new Entry(keyId, ownersByKeyId.get(keyId), this, pair.getPublic(), now);
			this.entries.put(keyId, entry);
			made.add(entry);
		});
		return made;
	}

	public Entry get(String keyId) {
		return (keyId != null) ? this.entries.get(keyId) : null;
	}

	/** Every key, oldest first. */
	public List<Entry> all() {
		List<Entry> all = new ArrayList<>(this.entries.values());
		all.sort(Comparator.comparing(Entry::createdAt).thenComparing(Entry::keyId));
		return all;
	}

	/** The newest key of an owner, or null. */
	public Entry newestOf(String owner) {
		return all().stream().filter((entry) -> entry.owner().equals(owner)).reduce((a, b) -> b).orElse(null);
	}

	private void save() throws GeneralSecurityException {
		if (this.file == null) {
			return;
		}
		try {
			Path parent = this.file.toAbsolutePath().getParent();
			Files.createDirectories(parent);
			Path temporary = Files.createTempFile(parent, "keys", ".p12");
			try (OutputStream out = Files.newOutputStream(temporary)) {
				this.store.store(out, this.password);
			}
			try {
				Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException notPosix) {
				// best effort on file systems without POSIX permissions
			}
			Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write key store " + this.file, ex);
		}
	}

	private static X509Certificate selfSigned(KeyPair pair, String owner, Instant now)
			throws OperatorCreationException, GeneralSecurityException {
		X500Name name = new X500Name("CN=" + owner + ",O=Tongban");
		JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
				BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minusSeconds(60)),
				Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic());
		return new JcaX509CertificateConverter().setProvider(Sm2.PROVIDER)
			.getCertificate(builder.build(new JcaContentSignerBuilder(Sm2.ALGORITHM).setProvider(Sm2.PROVIDER)
				.build(pair.getPrivate())));
	}

	private static String owner(X509Certificate certificate) {
		String dn = certificate.getSubjectX500Principal().getName();
		for (String part : dn.split(",")) {
			if (part.startsWith("CN=")) {
				return part.substring(3);
			}
		}
		return dn;
	}

	private PrivateKey privateKey(String keyId) {
		return this.privateKeys.computeIfAbsent(keyId, (alias) -> {
			try {
				synchronized (this) {
					return (PrivateKey) this.store.getKey(alias, this.password);
				}
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("Cannot read key " + alias, ex);
			}
		});
	}

	/** A key pair with its id, owner (e.g. a department code or issuer id) and creation time. */
	public record Entry(String keyId, String owner, KeyRing ring, PublicKey publicKey, Instant createdAt) {

		public PrivateKey privateKey() {
			return this.ring.privateKey(this.keyId);
		}

		public byte[] sign(byte[] message) {
			return Sm2.sign(this.keyId, privateKey(), message);
		}

		public boolean verify(byte[] message, byte[] signature) {
			return Sm2.verify(this.keyId, this.publicKey, message, signature);
		}

	}

}
