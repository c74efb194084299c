package cn.tongban.platform;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import cn.tongban.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Each attack class of the OWASP GraphQL cheat sheet is refused before execution, and the service stays up. */
@GraphQlIntegrationTest
class GraphQlAttackTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@AfterEach
	void serviceIsStillHealthy() throws Exception {
		// a search waits for the search index's start-up load, whose state the health includes
		send("{ serviceItems(query: \"身份证\", first: 1) { totalCount } }")
			.andExpect(jsonPath("$.data.serviceItems.totalCount").isNumber());
		this.mvc.perform(get("/actuator/health")).andExpect(jsonPath("$.status").value("UP"));
		send("{ regions { code } }").andExpect(jsonPath("$.data.regions.length()").value(11));
	}

	@Test
	void deepQueriesAreRefused() throws Exception {
		String deep = "{ regions { " + "parent { ".repeat(16) + "code" + " }".repeat(16) + " } }";
		send(deep).andExpect(jsonPath("$.errors[0].extensions.code").value("QUERY_TOO_DEEP"))
			.andExpect(jsonPath("$.data").doesNotExist());
	}

	@Test
	void aliasOverloadIsRefused() throws Exception {
		String expensive = IntStream.range(0, 500).mapToObj((i) -> "a" + i + ": regions { code }").collect(Collectors.joining(" "));
		send("{ " + expensive + " }").andExpect(jsonPath("$.errors[0].extensions.code", anyOf(is("TOO_MANY_ALIASES"), is("QUERY_TOO_COSTLY"))))
			.andExpect(jsonPath("$.data").doesNotExist());
		String cheap = "catalogStatistics { " + IntStream.range(0, 500).mapToObj((i) -> "c" + i + ": activeItemCount").collect(Collectors.joining(" ")) + " }";
		send("{ " + cheap + " }").andExpect(jsonPath("$.errors[0].extensions.code").value("TOO_MANY_ALIASES"));
	}

	@Test
	void tooManyRootFieldsAreRefused() throws Exception {
		String fields = IntStream.range(0, 16).mapToObj((i) -> "r" + i + ": regions { code }").collect(Collectors.joining(" "));
		send("{ " + fields + " }").andExpect(jsonPath("$.errors[0].extensions.code").value("TOO_MANY_ROOT_FIELDS"));
		String unaliased = "{ regions { code } departments { code } lifeEvents { code } }";
		send(unaliased).andExpect(jsonPath("$.data.regions").exists());
	}

	@Test
	void costlyQueriesAreRefused() throws Exception {
		String costly = "{ serviceItems(first: 100) { nodes { materials { certificateType { fields { key label } } } "
				+ "lifeEvents { name } department { name } } } }";
		send(costly).andExpect(jsonPath("$.errors[0].extensions.code").value("QUERY_TOO_COSTLY"));
	}

	@Test
	void limitsApplyToEveryExecutionOfAParsedOperation() throws Exception {
		// one operation text, parsed and validated once: its cost depends on the variables of each request
		String costly = "query($n: Int) { serviceItems(first: $n) { nodes { materials { certificateType { fields { key label } } } "
				+ "lifeEvents { name } department { name } } } }";
		send(costly, Map.of("n", 1)).andExpect(jsonPath("$.data.serviceItems.nodes.length()").value(1));
		send(costly, Map.of("n", 100)).andExpect(jsonPath("$.errors[0].extensions.code").value("QUERY_TOO_COSTLY"));
		send(costly, Map.of("n", 1)).andExpect(jsonPath("$.errors").doesNotExist());
	}

	@Test
	void anOperationThatFailedALimitIsRefusedEachTime() throws Exception {
		String costly = "{ serviceItems(first: 100) { nodes { materials { certificateType { fields { key label } } } "
				+ "lifeEvents { name } department { name } } } }";
		send(costly).andExpect(jsonPath("$.errors[0].extensions.code").value("QUERY_TOO_COSTLY"));
		send(costly).andExpect(jsonPath("$.errors[0].extensions.code").value("QUERY_TOO_COSTLY"));
	}

	@Test
	void skippedFieldsAreCountedByTheVariablesOfEachRequest() throws Exception {
		String aliases = IntStream.range(0, 31)
			.mapToObj((i) -> "r" + i + ": regions @skip(if: $skip) { code }")
			.collect(Collectors.joining(" "));
		String operation = "query($skip: Boolean!) { regions { code } " + aliases + " }";
		send(operation, Map.of("skip", true)).andExpect(jsonPath("$.data.regions").exists());
		send(operation, Map.of("skip", false)).andExpect(jsonPath("$.errors[0].extensions.code").value("TOO_MANY_ALIASES"));
	}

	@Test
	void circularFragmentsAreRefused() throws Exception {
		send("{ regions { ...A } } fragment A on Region { parent { ...B } } fragment B on Region { parent { ...A } }")
			.andExpect(jsonPath("$.errors[0].extensions.code").value("GRAPHQL_VALIDATION_FAILED"));
	}

	@Test
	void fieldDuplicationIsRefusedAtParse() throws Exception {
		send("{ regions { " + "code ".repeat(20_000) + "} }")
			.andExpect(jsonPath("$.errors[0].extensions.code").value("GRAPHQL_PARSE_FAILED"))
			.andExpect(jsonPath("$.data").doesNotExist());
	}

	@Test
	void directiveOverloadIsRefused() throws Exception {
		send("{ regions { code " + "@include(if: true) ".repeat(1_000) + "} }")
			.andExpect(jsonPath("$.errors[0].extensions.code").exists())
			.andExpect(jsonPath("$.data").doesNotExist());
	}

	@Test
	void oversizedDocumentsAreRefused() throws Exception {
		String padding = "#" + "x".repeat(40_000) + "\n";
		send(padding + "{ regions { code } }").andExpect(jsonPath("$.errors[0].extensions.code").value("GRAPHQL_PARSE_FAILED"));
	}

	@Test
	void arrayBatchingIsRefused() throws Exception {
		this.mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON)
			.content("[{\"query\": \"{ regions { code } }\"}, {\"query\": \"{ departments { code } }\"}]"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Test
	void operatorObjectsInStringArgumentsAreJustText() throws Exception {
		// an object where an ID is expected is coerced to its text: an equality match that finds nothing,
		// never a MongoDB operator
		this.mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON)
			.content("{\"query\": \"query($c: ID!) { serviceItem(code: $c) { name } }\", \"variables\": {\"c\": {\"$ne\": null}}}"))
			.andExpect(jsonPath("$.errors[0].extensions.code").value("ITEM_NOT_FOUND"))
			.andExpect(jsonPath("$.data.serviceItem").value(nullValue()));
		send("{ serviceItem(code: \"{\\\"$ne\\\": null}\") { name } }")
			.andExpect(jsonPath("$.errors[0].extensions.code").value("ITEM_NOT_FOUND"));
		send("{ serviceItems(filter: {department: \"{\\\"$gt\\\": \\\"\\\"}\"}) { totalCount } }")
			.andExpect(jsonPath("$.errors[0].extensions.code").value("UNKNOWN_REFERENCE"));
	}

	private ResultActions send(String query) throws Exception {
		return send(query, Map.of());
	}

	private ResultActions send(String query, Map<String, Object> variables) throws Exception {
		return this.mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(Map.of("query", query, "variables", variables))));
	}

}
