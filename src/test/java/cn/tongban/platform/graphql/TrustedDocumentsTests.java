package cn.tongban.platform.graphql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.tongban.platform.crypto.Sha256;
import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.authentication.TestingAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The trusted-documents manifest: what runs when only its operations may, the scope that allows
 * ad-hoc ones, hash-only requests answered from it, a manifest whose hash is not its text's refused,
 * and the checked-in manifest: every operation of the Postman collection, the ones shipped before
 * kept until retired, each still valid against the schema.
 */
class TrustedDocumentsTests {

	static final String REGIONS = "{ regions { code } }";

	static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void onlyManifestOperationsRunUnlessTheCallerMayRunAdHocOnes() {
		TrustedDocuments only = new TrustedDocuments(Map.of(Sha256.hex(REGIONS), REGIONS), true);
		assertThat(only.allows(REGIONS, null)).isTrue();
		assertThat(only.allows("{ regions { code name } }", null)).isFalse();
		assertThat(only.allows("{ regions { code name } }", new TestingAuthenticationToken("psn", null, "ROLE_RESIDENT")))
			.isFalse();
		assertThat(only.allows("{ regions { code name } }",
				new TestingAuthenticationToken("icbc", null, "ROLE_INTEGRATOR", "SCOPE_graphql.ad-hoc"))).isTrue();
		assertThat(only.allows(REGIONS + " ", null)).as("the manifest's exact text").isFalse();
		TrustedDocuments open = new TrustedDocuments(Map.of(), false);
		assertThat(open.allows("{ regions { code name } }", null)).isTrue();
	}

	@Test
	void aHashAloneFindsTheManifestsText() {
		String hash = Sha256.hex(REGIONS);
		PersistedQueries queries = new PersistedQueries(1_000_000, new TrustedDocuments(Map.of(hash, REGIONS), true));
		assertThat(queries.resolve(null, Map.of("version", 1, "sha256Hash", hash))).isEqualTo(REGIONS);
		assertThatThrownBy(() -> queries.resolve(null, Map.of("version", 1, "sha256Hash", "0".repeat(64))))
			.isInstanceOfSatisfying(PersistedQueries.Refusal.class, (refusal) -> assertThat(refusal.isNotFound()).isTrue());
	}

	@Test
	void aManifestWhoseHashIsNotItsTextsStopsTheStart() {
		byte[] forged = ("{\"format\": 1, \"documents\": {\"" + "a".repeat(64) + "\": \"{ regions { code } }\"}}")
			.getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> new TrustedDocuments(json, new ByteArrayResource(forged), true))
			.hasMessageContaining("is not its text's SHA-256");
	}

	@Test
	void theShippedManifestHoldsEveryOperationOfTheCollectionAndNothingRetired() throws IOException {
		TrustedDocuments shipped = shipped();
		JsonNode collection = json.readTree(Files.readString(Path.of("postman/tongban.postman_collection.json")));
		Map<String, String> expected = new TreeMap<>();
		for (JsonNode folder : collection.get("item")) {
			if (!folder.get("name").asString().equals("perimeter")) {
				operations(folder, expected);
			}
		}
		assertThat(expected).isNotEmpty();
		expected.forEach((hash, text) -> assertThat(shipped.text(hash)).as("run python3 postman/_source/build_collection.py: %s", text)
			.isEqualTo(text));
		List<String> retired = Files.readAllLines(Path.of("postman/_source/retired-documents.txt"))
			.stream()
			.filter((line) -> !line.isBlank() && !line.startsWith("#"))
			.map((line) -> line.split("\\s+")[0])
			.toList();
		assertThat(retired).allSatisfy((hash) -> assertThat(shipped.text(hash)).as(hash).isNull());
	}

	/**
	 * The manifest keeps operations that app versions in the field still send, so a schema change
	 * that would break one of them fails here, not on a resident's phone.
	 */
	@Test
	void everyShippedOperationStillValidatesAgainstTheSchema() throws IOException {
		GraphQLSchema schema = UnExecutableSchemaGenerator
			.makeUnExecutableSchema(new SchemaParser().parse(SchemaGuard.sdlOf(Path.of("schema"))));
		Map<String, Object> manifest = json.readValue(
				Files.readString(Path.of("src/main/resources/graphql/trusted-documents.json")), Map.class);
		Map<?, ?> documents = (Map<?, ?>) manifest.get("documents");
		assertThat(documents).isNotEmpty();
		documents.forEach((hash, text) -> assertThat(ParseAndValidate
			.parseAndValidate(schema, ExecutionInput.newExecutionInput((String) text).build())
			.getErrors()).as("%s: %s", hash, text).isEmpty());
	}

	@Test
	void anOperationTheSchemaNoLongerAllowsFailsTheCheck() {
		GraphQLSchema schema = UnExecutableSchemaGenerator
			.makeUnExecutableSchema(new SchemaParser().parse("type Query { regions: [String!]! }"));
		assertThat(ParseAndValidate
			.parseAndValidate(schema, ExecutionInput.newExecutionInput("{ departments }").build())
			.getErrors()).isNotEmpty();
	}

	private static TrustedDocuments shipped() throws IOException {
		return new TrustedDocuments(json, new FileSystemResource("src/main/resources/graphql/trusted-documents.json"),
				true);
	}

	/** The same rule as build_collection.py: GraphQL bodies and raw request objects, no {{variables}}. */
	private static void operations(JsonNode item, Map<String, String> into) {
		if (item.has("item")) {
			item.get("item").forEach((child) -> operations(child, into));
			return;
		}
		JsonNode body = item.path("request").path("body");
		String text = null;
		if ("graphql".equals(body.path("mode").asString(""))) {
			text = body.path("graphql").path("query").asString(null);
		}
		else if ("raw".equals(body.path("mode").asString(""))) {
			try {
				JsonNode raw = json.readTree(body.path("raw").asString(""));
				text = (raw.isObject() && raw.path("query").isString()) ? raw.get("query").asString() : null;
			}
			catch (RuntimeException notJson) {
				text = null;
			}
		}
		if (text != null && !text.isBlank() && !text.contains("{{")) {
			into.put(Sha256.hex(text), text);
		}
	}

}
