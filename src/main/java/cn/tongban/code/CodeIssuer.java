package cn.tongban.code;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A trusted code issuer (trust list): this city's 青岛码 ({@code local}, keys in our key ring) or
 * another platform such as the province's 鲁通码 (public keys from the seeds).
 */
@Document("code_issuers")
record CodeIssuer(@Id String issuerId, String name, boolean local, List<Key> keys) {

	/**
	 * @param privateKeyForSimulation PKCS#8 base64, only for a foreign issuer in the default run
	 * (lets /dev/provincial-code stand in for the provincial app); absent in production
	 */
	record Key(String keyId, String publicKey, String privateKeyForSimulation) {
	}

}
