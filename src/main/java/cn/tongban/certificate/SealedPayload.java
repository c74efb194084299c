package cn.tongban.certificate;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.json.JsonMapper;

/**
 * The canonical form a seal signs: compact JSON with keys in a fixed order and data keys sorted,
 * UTF-8. It carries what makes the certificate what it is (number, type, holder, issuer, dates,
 * data), not its status, so a revocation does not need a new seal. Holders present this string with
 * the seal; anyone can check it offline with the published key.
 */
final class SealedPayload {

	private static final JsonMapper json = JsonMapper.builder().build();

	private SealedPayload() {
	}

	static String of(Certificate certificate) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("v", 1);
		payload.put("number", certificate.number());
		payload.put("type", certificate.typeCode());
		payload.put("holderKind", certificate.holderKind().name());
		payload.put("holder", certificate.holderIdentifier());
		payload.put("holderName", certificate.holderName());
		payload.put("issuer", certificate.issuerDepartmentCode());
		payload.put("issuedOn", certificate.issuedOn().toString());
		payload.put("validFrom", certificate.validFrom().toString());
		payload.put("validTo", (certificate.validTo() != null) ? certificate.validTo().toString() : null);
		payload.put("data", new TreeMap<>(certificate.data()));
		return json.writeValueAsString(payload);
	}

	static byte[] bytes(String payload) {
		return payload.getBytes(StandardCharsets.UTF_8);
	}

	/** The certificate number a presented payload claims, or null when it is not our JSON. */
	static String numberIn(String payload) {
		try {
			Object number = json.readValue(payload, Map.class).get("number");
			return (number instanceof String text) ? text : null;
		}
		catch (RuntimeException malformed) {
			return null;
		}
	}

}
