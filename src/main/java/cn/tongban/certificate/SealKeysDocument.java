package cn.tongban.certificate;

import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.tongban.platform.crypto.KeyRing;
import cn.tongban.platform.crypto.Sm2;
import org.bouncycastle.jce.interfaces.ECPublicKey;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /.well-known/seal-keys.json}: the seal keys as a JWKS-like document (kty EC, crv SM2,
 * x/y base64url), cacheable for an hour, for verifiers that work offline.
 */
@RestController
class SealKeysDocument {

	private final SealKeys keys;

	SealKeysDocument(SealKeys keys) {
		this.keys = keys;
	}

	@GetMapping("/.well-known/seal-keys.json")
	ResponseEntity<Map<String, Object>> keys() {
		List<Map<String, Object>> keys = this.keys.all().stream().map(SealKeysDocument::jwk).toList();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.body(Map.of("keys", keys));
	}

	private static Map<String, Object> jwk(KeyRing.Entry entry) {
		ECPublicKey key = (ECPublicKey) entry.publicKey();
		Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
		Map<String, Object> jwk = new LinkedHashMap<>();
		jwk.put("kid", entry.keyId());
		jwk.put("kty", "EC");
		jwk.put("crv", "SM2");
		jwk.put("x", url.encodeToString(key.getQ().getAffineXCoord().getEncoded()));
		jwk.put("y", url.encodeToString(key.getQ().getAffineYCoord().getEncoded()));
		jwk.put("alg", Sm2.ALGORITHM);
		jwk.put("use", "sig");
		jwk.put("owner", entry.owner());
		return jwk;
	}

}
