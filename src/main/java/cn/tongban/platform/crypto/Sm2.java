package cn.tongban.platform.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * SM2 signatures with SM3 ({@code SM3withSM2}, default user id 1234567812345678). Initialising a
 * {@link Signature} computes the SM2 "Z" value from the public key, which costs as much as
 * signing; so each thread keeps one initialised instance per key and reuses it (sign and verify
 * leave it ready for the next message).
 */
public final class Sm2 {

	public static final String ALGORITHM = "SM3withSM2";

	static final Provider PROVIDER;

	static {
		Provider installed = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
		PROVIDER = (installed != null) ? installed : new BouncyCastleProvider();
		if (installed == null) {
			Security.addProvider(PROVIDER);
		}
	}

	private static final ThreadLocal<Map<String, Signature>> signers = ThreadLocal.withInitial(HashMap::new);

	private static final ThreadLocal<Map<String, Signature>> verifiers = ThreadLocal.withInitial(HashMap::new);

	private Sm2() {
	}

	/** DER signature → 64 bytes r||s (compact, for QR payloads). */
	public static byte[] toRaw(byte[] der) {
		ASN1Sequence sequence = ASN1Sequence.getInstance(der);
		byte[] raw = new byte[64];
		copyUnsigned(ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue(), raw, 0);
		copyUnsigned(ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue(), raw, 32);
		return raw;
	}

	/** 64 bytes r||s → DER signature. */
	public static byte[] toDer(byte[] raw) {
		try {
			ASN1EncodableVector vector = new ASN1EncodableVector();
			vector.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 0, 32))));
			vector.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 32, 64))));
			return new DERSequence(vector).getEncoded();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void copyUnsigned(BigInteger value, byte[] into, int offset) {
		byte[] bytes = value.toByteArray();
		int start = Math.max(0, bytes.length - 32);
		int length = bytes.length - start;
		System.arraycopy(bytes, start, into, offset + 32 - length, length);
	}

	/** Same id, same key object: a key ring reloaded in tests gets fresh instances. */
	private static String cacheKey(String keyId, Object key) {
		return keyId + "@" + System.identityHashCode(key);
	}

	/** The BouncyCastle provider, for key factories. */
	public static Provider provider() {
		return PROVIDER;
	}

	public static KeyPair generateKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", PROVIDER);
			generator.initialize(new ECGenParameterSpec("sm2p256v1"));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Signs with the key known by {@code keyId} (the id keys the per-thread cache). */
	public static byte[] sign(String keyId, PrivateKey key, byte[] message) {
		try {
			Signature signature = signers.get().get(cacheKey(keyId, key));
			if (signature == null) {
				signature = Signature.getInstance(ALGORITHM, PROVIDER);
				signature.initSign(key);
				signers.get().put(cacheKey(keyId, key), signature);
			}
			signature.update(message);
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			signers.get().remove(cacheKey(keyId, key));
			throw new IllegalStateException(ex);
		}
	}

	/** False for a wrong signature and for bytes that are no signature at all. */
	public static boolean verify(String keyId, PublicKey key, byte[] message, byte[] signatureBytes) {
		Signature signature = verifiers.get().get(cacheKey(keyId, key));
		try {
			if (signature == null) {
				signature = Signature.getInstance(ALGORITHM, PROVIDER);
				signature.initVerify(key);
				verifiers.get().put(cacheKey(keyId, key), signature);
			}
			signature.update(message);
			return signature.verify(signatureBytes);
		}
		catch (GeneralSecurityException | RuntimeException malformed) {
			// a failed verify may leave the instance mid-message: start afresh next time
			verifiers.get().remove(cacheKey(keyId, key));
			return false;
		}
	}

}
