package cn.tongban.platform.graphql;

import java.util.List;
import java.util.regex.Pattern;

import cn.tongban.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** GraphiQL works on an isolated network: the page and everything it loads come from the service. */
@GraphQlIntegrationTest
class GraphiQlPageTests {

	private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Test
	void thePageLoadsNothingFromElsewhereAndEverythingItLoadsIsServed() throws Exception {
		String page = this.mvc.perform(get("/graphiql").param("path", "/graphql"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("GraphiQL").doesNotContain("esm.sh", "unpkg", "jsdelivr", "cdn");
		List<String> references = REFERENCE.matcher(page).results().map((match) -> match.group(1)).toList();
		assertThat(references).hasSize(4).allMatch((reference) -> reference.startsWith("graphiql-assets/"));
		for (String reference : references) {
			byte[] asset = this.mvc.perform(get("/" + reference))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			assertThat(asset).as(reference).hasSizeGreaterThan(1000);
		}
	}

}
