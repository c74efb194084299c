package cn.tongban.platform;

import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.Tokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** GraphQL over HTTP: POST for everything, GET for queries only, clear statuses for bad requests. */
@GraphQlIntegrationTest
class GraphQlHttpTransportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Tokens tokens;

	@Test
	void queriesWorkOverGet() throws Exception {
		this.mvc.perform(get("/graphql").param("query", "query($r: ID) { catalogStatistics(region: $r) { regionCode } }")
			.param("variables", "{\"r\": \"370202\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.catalogStatistics.regionCode").value("370202"));
	}

	@Test
	void mutationsOverGetAreMethodNotAllowed() throws Exception {
		this.mvc
			.perform(get("/graphql").param("query",
					"mutation { retireServiceItem(input: {code: \"370200QR0010001000\", reason: \"x\"}) { serviceItem { code } } }"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string("Allow", "POST"))
			.andExpect(jsonPath("$.errors[0].extensions.code").value("MUTATION_OVER_GET"));
	}

	@Test
	void namedMutationInAMultiOperationDocumentIsRefusedOverGet() throws Exception {
		this.mvc.perform(get("/graphql")
			.param("query", "query Q { regions { code } } mutation M { retireServiceItem(input: {code: \"x\", reason: \"y\"}) { serviceItem { code } } }")
			.param("operationName", "M")).andExpect(status().isMethodNotAllowed());
	}

	@Test
	void queriesOverGetAreCacheableWithAnEtagThatIgnoresTheCostExtension() throws Exception {
		String etag = this.mvc.perform(get("/graphql").param("query", "{ regions { code } }"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "public, max-age=60"))
			.andExpect(header().string("Vary", containsString("Authorization")))
			.andExpect(header().string("ETag", org.hamcrest.Matchers.startsWith("W/\"")))
			.andReturn()
			.getResponse()
			.getHeader("ETag");
		// the cost and throttle status differ from call to call; the data does not
		this.mvc.perform(get("/graphql").param("query", "{ regions { code } }"))
			.andExpect(header().string("ETag", etag));
		this.mvc.perform(get("/graphql").param("query", "{ regions { code } }").header("If-None-Match", etag))
			.andExpect(status().isNotModified())
			.andExpect(MockMvcResultMatchers.content().string(""));
		this.mvc.perform(get("/graphql").param("query", "{ regions { code name } }").header("If-None-Match", etag))
			.andExpect(status().isOk());
		this.mvc.perform(get("/graphql").param("query", "{ me { id } }")
			.header("Authorization", "Bearer " + this.tokens.resident()))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "private, no-cache"));
		// refusals and POST answers carry no validator
		this.mvc.perform(get("/graphql").param("query", "{ regions { code } }").param("variables", "{not json"))
			.andExpect(status().isBadRequest())
			.andExpect(header().doesNotExist("ETag"))
			.andExpect(header().string("Cache-Control", containsString("no-store")));
		this.mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON).content("{\"query\": \"{ regions { code } }\"}"))
			.andExpect(header().doesNotExist("ETag"));
	}

	@Test
	void malformedVariablesOverGetAreBadRequests() throws Exception {
		this.mvc.perform(get("/graphql").param("query", "{ regions { code } }").param("variables", "{not json"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].extensions.code").value("INVALID_REQUEST"));
	}

	@Test
	void malformedJsonBodyIsABadRequestWithoutInternals() throws Exception {
		this.mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON).content("{\"query\": "))
			.andExpect(status().isBadRequest())
			.andExpect(MockMvcResultMatchers.content()
				.string(not(containsString("Exception"))));
	}

	@Test
	void unsupportedContentTypeIsRefused() throws Exception {
		this.mvc.perform(post("/graphql").contentType(MediaType.TEXT_PLAIN).content("{ regions { code } }"))
			.andExpect(status().isUnsupportedMediaType());
	}

	@Test
	void syntaxErrorsCarryACode() throws Exception {
		this.mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON).content("{\"query\": \"{ regions { \"}"))
			.andExpect(jsonPath("$.errors[0].extensions.code").value("GRAPHQL_PARSE_FAILED"));
	}

	@Test
	void wronglyTypedVariablesCarryACode() throws Exception {
		this.mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON)
			.content("{\"query\": \"query($n: Int) { serviceItems(first: $n) { totalCount } }\", \"variables\": {\"n\": \"many\"}}"))
			.andExpect(jsonPath("$.errors[0].extensions.code").value("GRAPHQL_VALIDATION_FAILED"));
	}

	/** A search waits for the search index's start-up load, whose state the health includes. */
	private void awaitSearchIndex() throws Exception {
		this.mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON)
			.content("{\"query\": \"{ serviceItems(query: \\\"身份证\\\", first: 1) { totalCount } }\"}"))
			.andExpect(jsonPath("$.data.serviceItems.totalCount").isNumber());
	}

	@Test
	void healthShowsStrangersTheStatusOnly() throws Exception {
		awaitSearchIndex();
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist())
			.andExpect(jsonPath("$.details").doesNotExist());
		this.mvc.perform(get("/actuator/health").header("Authorization", "Bearer " + this.tokens.resident()))
			.andExpect(jsonPath("$.components").doesNotExist());
	}

	@Test
	void healthReportsTheDatabaseTheDataFolderAndTheSearchIndexToAdministrators() throws Exception {
		awaitSearchIndex();
		this.mvc.perform(get("/actuator/health").header("Authorization", "Bearer " + this.tokens.admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.mongo.status").value("UP"))
			.andExpect(jsonPath("$.components.searchIndex.status").value("UP"))
			.andExpect(jsonPath("$.components.searchIndex.details.items").isNumber())
			.andExpect(jsonPath("$.components.diskSpace.details.path").exists());
	}

	@Test
	void prometheusMetricsAreExposedToAdministratorsOnly() throws Exception {
		this.mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON).content("{\"query\": \"{ regions { code } }\"}"));
		this.mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + this.tokens.resident()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + this.tokens.admin()))
			.andExpect(status().isOk())
			.andExpect(MockMvcResultMatchers.content()
				.string(containsString("graphql_request_seconds")));
	}

	@Test
	void subscriptionsAreNotServedAsPlainJson() throws Exception {
		this.mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + this.tokens.resident())
			.content("{\"query\": \"subscription { applicationUpdates { status } }\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.errors[0].extensions.code").value("SUBSCRIPTION_TRANSPORT"))
			.andExpect(jsonPath("$.data").doesNotExist());
	}

	@Test
	void graphiqlIsServedInTheDefaultRun() throws Exception {
		this.mvc.perform(get("/graphiql")).andExpect(status().is3xxRedirection());
	}

}
