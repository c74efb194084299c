package cn.tongban.platform;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The prod profile hides the schema from strangers: no introspection, no GraphiQL, no schema printer. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "prod" })
class ProductionProfileTests {

	@Autowired
	MockMvc mvc;

	@Test
	void introspectionIsOff() throws Exception {
		this.mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON)
			.content("{\"query\": \"{ __schema { types { name } } }\"}"))
			.andExpect(jsonPath("$.errors[0].extensions.code").exists())
			.andExpect(jsonPath("$.data.__schema").doesNotExist());
	}

	@Test
	void graphiqlAndSchemaPrinterAreOff() throws Exception {
		this.mvc.perform(get("/graphiql")).andExpect(status().isNotFound());
		this.mvc.perform(get("/graphql/schema")).andExpect(status().is4xxClientError());
	}

	@Test
	void queriesStillWork() throws Exception {
		this.mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON).content("{\"query\": \"{ regions { code } }\"}"))
			.andExpect(jsonPath("$.data.regions.length()").value(11));
	}

}
