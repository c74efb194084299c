package cn.tongban.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import cn.tongban.platform.seed.SeedFiles;
import cn.tongban.platform.startup.ProductionCheck;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Production trusts no key whose private half is known outside its issuer: no trust-list entry may
 * carry a private key, and no trusted public key may be one of the dev seed set's simulation keys
 * (their private keys are in the repository, so anyone could mint codes terminals accept).
 */
@Component
class SimulationKeyCheck implements ProductionCheck {

	static final String DEV_ISSUERS = "dev/code/issuers.json";

	private final MongoTemplate mongo;

	private final JsonMapper json;

	SimulationKeyCheck(MongoTemplate mongo, JsonMapper json) {
		this.mongo = mongo;
		this.json = json;
	}

	@Override
	public List<String> refusals() {
		Set<String> published = simulationPublicKeys();
		List<String> refusals = new ArrayList<>();
		for (CodeIssuer issuer : this.mongo.findAll(CodeIssuer.class)) {
			for (CodeIssuer.Key key : Objects.requireNonNullElse(issuer.keys(), List.<CodeIssuer.Key>of())) {
				if (key.privateKeyForSimulation() != null) {
					refusals.add("trust-list key " + key.keyId() + " of " + issuer.issuerId()
							+ " carries a private key: load only the issuer's public key (seed overlay code/issuers.json)");
				}
				else if (published.contains(key.publicKey())) {
					refusals.add("trust-list key " + key.keyId() + " of " + issuer.issuerId()
							+ " is the dev simulation key: load the issuer's real public key (seed overlay code/issuers.json)");
				}
			}
		}
		return refusals;
	}

	private Set<String> simulationPublicKeys() {
		return SeedFiles.shipped(DEV_ISSUERS, CodeIssuer.class, this.json)
			.stream()
			.flatMap((issuer) -> issuer.keys().stream())
			.map(CodeIssuer.Key::publicKey)
			.collect(Collectors.toSet());
	}


}
