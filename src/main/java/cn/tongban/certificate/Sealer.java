package cn.tongban.certificate;

import java.time.Clock;
import java.util.Base64;
import java.util.Collection;

import cn.tongban.platform.crypto.KeyRing;
import cn.tongban.platform.crypto.Sm2;

import org.springframework.stereotype.Component;

/** Seals certificates and checks seals. */
@Component
class Sealer {

	private final SealKeys keys;

	private final Clock clock;

	Sealer(SealKeys keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	/** Seal keys for every one of these departments that has none yet, made together. */
	void prepareKeysFor(Collection<String> departmentCodes) {
		this.keys.prepare(departmentCodes);
	}

	Certificate seal(Certificate certificate) {
		KeyRing.Entry key = this.keys.sealingKeyFor(certificate.issuerDepartmentCode());
		byte[] signature = key.sign(SealedPayload.bytes(SealedPayload.of(certificate)));
		return certificate.withSeal(new Certificate.Seal(key.keyId(), Sm2.ALGORITHM,
				Base64.getEncoder().encodeToString(signature), this.clock.instant()));
	}

	/** Whether the stored certificate still matches its own seal. */
	boolean intact(Certificate certificate) {
		Certificate.Seal seal = certificate.seal();
		return seal != null && check(SealedPayload.of(certificate), seal.keyId(), seal.signature()) == Outcome.GENUINE;
	}

	/** GENUINE, TAMPERED or UNKNOWN_KEY for presented payload + signature; status is checked by the caller. */
	Outcome check(String payload, String keyId, String signature) {
		KeyRing.Entry key = this.keys.find(keyId);
		if (key == null) {
			return Outcome.UNKNOWN_KEY;
		}
		byte[] signatureBytes;
		try {
			signatureBytes = Base64.getDecoder().decode(signature);
		}
		catch (IllegalArgumentException notBase64) {
			return Outcome.TAMPERED;
		}
		return key.verify(SealedPayload.bytes(payload), signatureBytes) ? Outcome.GENUINE : Outcome.TAMPERED;
	}

	enum Outcome {

		GENUINE, TAMPERED, UNKNOWN_KEY

	}

}
