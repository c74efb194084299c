package cn.tongban.platform.security;

import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.Tokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Budgets per client address and per subject, visible in headers; over budget is 429 RATE_LIMITED. */
@GraphQlIntegrationTest
@TestPropertySource(properties = { "tongban.test.database=rate-limits", "tongban.rate-limit.anonymous-per-minute=5",
		"tongban.rate-limit.per-minute.RESIDENT=3" })
class RateLimitTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Tokens tokens;

	@Test
	void anAnonymousAddressHasItsOwnBudget() throws Exception {
		for (int remaining = 4; remaining >= 0; remaining--) {
			regions("10.0.0.1", null).andExpect(status().isOk())
				.andExpect(header().string("X-RateLimit-Limit", "5"))
				.andExpect(header().string("X-RateLimit-Remaining", Integer.toString(remaining)));
		}
		regions("10.0.0.1", null).andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.errors[0].extensions.code").value("RATE_LIMITED"));
		// another address is not affected
		regions("10.0.0.2", null).andExpect(status().isOk());
	}

	@Test
	void aSignedInSubjectHasItsOwnBudgetWhereverItComesFrom() throws Exception {
		String token = this.tokens.smsToken("13800000002", null);
		regions("10.0.1.1", token).andExpect(header().string("X-RateLimit-Limit", "3"));
		regions("10.0.1.2", token).andExpect(status().isOk());
		regions("10.0.1.3", token).andExpect(status().isOk());
		regions("10.0.1.4", token).andExpect(status().isTooManyRequests());
		regions("10.0.1.5", token).andExpect(status().isTooManyRequests());
		// rate limiting is audited, once per caller and minute
		this.tokens.as(this.tokens.admin())
			.document("{ auditEvents(type: RATE_LIMITED, actor: \"psn_a6915534354bc0fe10fb\") { totalCount } }")
			.execute()
			.path("auditEvents.totalCount")
			.entity(Integer.class)
			.isEqualTo(1);
	}

	private ResultActions regions(String address, String token) throws Exception {
		var request = post("/graphql").with((r) -> {
			r.setRemoteAddr(address);
			return r;
		}).contentType(MediaType.APPLICATION_JSON).content("{\"query\": \"{ regions { code } }\"}");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.mvc.perform(request);
	}

}
