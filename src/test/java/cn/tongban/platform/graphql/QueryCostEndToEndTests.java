package cn.tongban.platform.graphql;

import cn.tongban.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The cost of an operation in the answer the app gets, through the whole service. */
@GraphQlIntegrationTest
class QueryCostEndToEndTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aSearchAnswerCarriesItsRequestedAndActualCostAndTheCallersBudget() throws Exception {
		// first: 20 × (node: 1 + code + name) requested; 招聘 finds nothing, so little is spent
		this.mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON)
			.header("X-Device-Id", "cost-e2e-device-1")
			.content("{\"query\": \"{ serviceItems(query: \\\"招聘\\\", first: 20) { totalCount nodes { code name } } }\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.serviceItems.totalCount").value(0))
			.andExpect(jsonPath("$.extensions.cost.requestedQueryCost").value(greaterThan(40)))
			.andExpect(jsonPath("$.extensions.cost.actualQueryCost").value(lessThanOrEqualTo(3)))
			.andExpect(jsonPath("$.extensions.cost.throttleStatus.maximumAvailable").value(greaterThan(0L), Long.class))
			.andExpect(jsonPath("$.extensions.cost.throttleStatus.currentlyAvailable").value(greaterThan(0L), Long.class))
			.andExpect(jsonPath("$.extensions.cost.throttleStatus.restoreRate").value(greaterThan(0L), Long.class));
	}

	@Test
	void aDocumentThatDoesNotParseHasNoCost() throws Exception {
		this.mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON).content("{\"query\": \"{ regions { \"}"))
			.andExpect(jsonPath("$.errors[0].extensions.code").value("GRAPHQL_PARSE_FAILED"))
			.andExpect(jsonPath("$.extensions.cost").doesNotExist());
	}

}
