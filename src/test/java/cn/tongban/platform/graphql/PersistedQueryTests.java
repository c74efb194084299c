package cn.tongban.platform.graphql;

import java.util.UUID;

import cn.tongban.platform.crypto.Sha256;
import cn.tongban.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Automatic persisted queries as Apollo Client's persisted-queries link and urql's persisted
 * exchange speak them: hash alone, not found, hash with text (registered), hash alone again.
 */
@GraphQlIntegrationTest
class PersistedQueryTests {

	@Autowired
	MockMvc mvc;

	@Test
	void anUnknownHashIsNotFoundThenTheTextRegistersItThenTheHashAloneRuns() throws Exception {
		String query = uniqueQuery();
		String hash = Sha256.hex(query);
		post(hashOnly(hash)).andExpect(status().isOk())
			.andExpect(jsonPath("$.errors[0].message").value("PersistedQueryNotFound"))
			.andExpect(jsonPath("$.errors[0].extensions.code").value("PERSISTED_QUERY_NOT_FOUND"))
			.andExpect(jsonPath("$.data").doesNotExist());
		post(withText(query, hash)).andExpect(status().isOk())
			.andExpect(jsonPath("$.data.regions[0].code").value("370200"));
		post(hashOnly(hash)).andExpect(status().isOk())
			.andExpect(jsonPath("$.errors").doesNotExist())
			.andExpect(jsonPath("$.data.regions[0].code").value("370200"));
	}

	@Test
	void aRegisteredHashRunsOverGetToo() throws Exception {
		String query = uniqueQuery();
		String hash = Sha256.hex(query);
		String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
		this.mvc.perform(get("/graphql").param("extensions", extensions).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.errors[0].extensions.code").value("PERSISTED_QUERY_NOT_FOUND"));
		post(withText(query, hash)).andExpect(status().isOk());
		this.mvc.perform(get("/graphql").param("extensions", extensions).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.regions[0].code").value("370200"));
	}

	@Test
	void aHashThatIsNotTheTextsIsRefusedAndRegistersNothing() throws Exception {
		String query = uniqueQuery();
		String otherHash = Sha256.hex(query + " ");
		post(withText(query, otherHash)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].extensions.code").value("PERSISTED_QUERY_HASH_MISMATCH"));
		post(hashOnly(otherHash)).andExpect(jsonPath("$.errors[0].extensions.code").value("PERSISTED_QUERY_NOT_FOUND"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"version\":2,\"sha256Hash\":\"%s\"}", "{\"version\":1,\"sha256Hash\":\"abc\"}",
			"{\"version\":1}", "{\"version\":\"1\",\"sha256Hash\":\"%s\"}", "[1]", "\"x\"",
			"{\"version\":1,\"sha256Hash\":\"%S\"}" })
	void aMalformedPersistedQueryIs400(String extension) throws Exception {
		String hash = Sha256.hex(uniqueQuery());
		post("{\"extensions\":{\"persistedQuery\":" + extension.replace("%s", hash).replace("%S", hash.toUpperCase())
				+ "}}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].extensions.code").value("INVALID_REQUEST"));
	}

	@Test
	void withoutAPersistedQueryAQueryIsStillRequired() throws Exception {
		post("{\"extensions\":{}}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].extensions.code").value("INVALID_REQUEST"));
	}

	/** A text no other test registered: the cache is shared by the whole context. */
	private static String uniqueQuery() {
		return "query Regions_" + UUID.randomUUID().toString().replace("-", "") + " { regions { code } }";
	}

	private static String hashOnly(String hash) {
		return "{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}}";
	}

	private static String withText(String query, String hash) {
		return "{\"query\":\"" + query + "\",\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash
				+ "\"}}}";
	}

	private ResultActions post(String body) throws Exception {
		return this.mvc.perform(MockMvcRequestBuilders.post("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.content(body));
	}

}
