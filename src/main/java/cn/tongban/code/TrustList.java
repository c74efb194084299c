package cn.tongban.code;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import cn.tongban.platform.crypto.KeyRing;
import cn.tongban.platform.crypto.Sm2;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Which issuers' codes a terminal accepts and with which keys: our own 青岛码 keys (made on first
 * run, kept in a PKCS#12 key ring) and the other issuers' public keys from the {@code code_issuers}
 * seed; also the scan scenarios. Read into memory; {@link #reload()} after the seeds change.
 */
@Component
@EnableConfigurationProperties(CodeProperties.class)
class TrustList {

	static final String LOCAL_ISSUER = "QDM";

	private final KeyRing localKeys;

	private final MongoTemplate mongo;

	private volatile Map<String, VerifyingKey> keys = Map.of();

	private volatile Map<String, CodeIssuer> issuers = Map.of();

	private volatile Map<String, Scenario> scenarios = Map.of();

	TrustList(CodeProperties properties, MongoTemplate mongo) {
		this.localKeys = properties.keystore().isEmpty() ? KeyRing.inMemory()
				: KeyRing.open(Path.of(properties.keystore()), properties.keystorePassword());
		this.mongo = mongo;
	}

	synchronized void reload() {
		Map<String, VerifyingKey> loaded = new HashMap<>();
		Map<String, CodeIssuer> known = new HashMap<>();
		for (CodeIssuer issuer : this.mongo.findAll(CodeIssuer.class)) {
			known.put(issuer.issuerId(), issuer);
			if (issuer.local()) {
				continue;
			}
			for (CodeIssuer.Key key : issuer.keys()) {
				loaded.put(lookup(issuer.issuerId(), CodeFormat.shortKeyId(key.keyId())),
						new VerifyingKey(issuer.issuerId(), key.keyId(), publicKey(key.publicKey())));
			}
		}
		for (KeyRing.Entry entry : this.localKeys.all()) {
			loaded.put(lookup(LOCAL_ISSUER, CodeFormat.shortKeyId(entry.keyId())),
					new VerifyingKey(LOCAL_ISSUER, entry.keyId(), entry.publicKey()));
		}
		this.keys = Map.copyOf(loaded);
		this.issuers = Map.copyOf(known);
		Map<String, Scenario> byCode = new HashMap<>();
		this.mongo.findAll(Scenario.class).forEach((scenario) -> byCode.put(scenario.code(), scenario));
		this.scenarios = Map.copyOf(byCode);
	}

	/** The scan scenarios, by code. */
	List<Scenario> scenarios() {
		return this.scenarios.values().stream().sorted(Comparator.comparing(Scenario::code)).toList();
	}

	/** A scan scenario by code (seed data, held in memory), or null. */
	Scenario scenario(String code) {
		return (code != null) ? this.scenarios.get(code) : null;
	}

	/** The key a code names, or null when its issuer or key is not trusted. */
	VerifyingKey find(String issuerId, byte[] shortKeyId) {
		return this.keys.get(lookup(issuerId, shortKeyId));
	}

	CodeIssuer issuer(String issuerId) {
		return this.issuers.get(issuerId);
	}

	List<CodeIssuer> issuers() {
		return this.issuers.values().stream().sorted(Comparator.comparing(CodeIssuer::issuerId)).toList();
	}

	List<VerifyingKey> keys() {
		return this.keys.values().stream().sorted(Comparator.comparing(VerifyingKey::keyId)).toList();
	}

	/** Our newest signing key; the first is made on first use. */
	synchronized KeyRing.Entry signingKey() {
		KeyRing.Entry newest = this.localKeys.newestOf(LOCAL_ISSUER);
		if (newest == null) {
			newest = this.localKeys.generate(
					LOCAL_ISSUER + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()), LOCAL_ISSUER);
			reload();
		}
		return newest;
	}

	/** A foreign issuer's private key, when the seeds carry one for simulation. */
	SigningKey simulationKey(String issuerId) {
		CodeIssuer issuer = this.issuers.get(issuerId);
		if (issuer == null) {
			return null;
		}
		return issuer.keys()
			.stream()
			.filter((key) -> key.privateKeyForSimulation() != null)
			.reduce((a, b) -> b)
			.map((key) -> new SigningKey(key.keyId(), privateKey(key.privateKeyForSimulation())))
			.orElse(null);
	}

	private static String lookup(String issuerId, byte[] shortKeyId) {
		return issuerId + ":" + HexFormat.of().formatHex(shortKeyId);
	}

	private static PublicKey publicKey(String base64) {
		try {
			return KeyFactory.getInstance("EC", Sm2.provider()).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Unreadable issuer key", ex);
		}
	}

	private static PrivateKey privateKey(String base64) {
		try {
			return KeyFactory.getInstance("EC", Sm2.provider()).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Unreadable issuer key", ex);
		}
	}

	record VerifyingKey(String issuerId, String keyId, PublicKey publicKey) {

		boolean verify(byte[] payload, byte[] rawSignature) {
			return Sm2.verify(this.keyId, this.publicKey, payload, Sm2.toDer(rawSignature));
		}

	}

	record SigningKey(String keyId, PrivateKey privateKey) {

		byte[] sign(byte[] payload) {
			return Sm2.toRaw(Sm2.sign(this.keyId, this.privateKey, payload));
		}

	}

}
