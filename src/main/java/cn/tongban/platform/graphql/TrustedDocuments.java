package cn.tongban.platform.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import cn.tongban.platform.crypto.Sha256;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The trusted-documents manifest (operation SHA-256 → text) that the app, the console and
 * integrators ship: {@code graphql/trusted-documents.json}, written with the Postman collection
 * ({@code postman/_source/build_collection.py}) and checked against it by the build. A hash-only
 * request finds its text here first. With {@code tongban.graphql.trusted-documents-only} (on in
 * {@code prod}) only these operations run, plus ad-hoc ones for callers holding the scope
 * {@value #AD_HOC_SCOPE}.
 */
@Component
public class TrustedDocuments {

	public static final String AD_HOC_SCOPE = "graphql.ad-hoc";

	private final Map<String, String> documents;

	private final boolean only;

	@Autowired
	TrustedDocuments(JsonMapper json, @Value("${tongban.graphql.trusted-documents:classpath:graphql/trusted-documents.json}")
			Resource manifest, @Value("${tongban.graphql.trusted-documents-only:false}") boolean only) throws IOException {
		this.only = only;
		this.documents = read(json, manifest);
	}

	TrustedDocuments(Map<String, String> documents, boolean only) {
		this.documents = Map.copyOf(documents);
		this.only = only;
	}

	private static Map<String, String> read(JsonMapper json, Resource manifest) throws IOException {
		if (!manifest.exists()) {
			return Map.of();
		}
		try (InputStream in = manifest.getInputStream()) {
			JsonNode root = json.readTree(in);
			Map<String, String> documents = new HashMap<>();
			root.get("documents").properties().forEach((entry) -> {
				String text = entry.getValue().asString();
				if (!Sha256.hex(text).equals(entry.getKey())) {
					throw new IllegalStateException("trusted-documents manifest: the hash " + entry.getKey()
							+ " is not its text's SHA-256");
				}
				documents.put(entry.getKey(), text);
			});
			return Map.copyOf(documents);
		}
	}

	/** The manifest's text for a hash, or null. */
	public String text(String sha256Hex) {
		return this.documents.get(sha256Hex);
	}

	/** Whether this operation text may run for this caller. */
	public boolean allows(String text, Authentication caller) {
		if (!this.only || text == null) {
			return true;
		}
		if (this.documents.containsKey(Sha256.hex(text))) {
			return true;
		}
		return caller != null && caller.getAuthorities()
			.stream()
			.anyMatch((authority) -> ("SCOPE_" + AD_HOC_SCOPE).equals(authority.getAuthority()));
	}

	public boolean enforced() {
		return this.only;
	}

	public int size() {
		return this.documents.size();
	}

}
