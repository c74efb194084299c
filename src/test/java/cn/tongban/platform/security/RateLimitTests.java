package cn.tongban.platform.security;

import java.net.URI;

import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Budgets per client address, per app installation and per subject, visible in headers, counted on
 * the path the dispatcher serves however it is encoded; over budget is 429 RATE_LIMITED.
 */
@GraphQlIntegrationTest
@TestPropertySource(properties = { "tongban.mongodb.embedded.database=rate-limits", "tongban.rate-limit.anonymous-per-minute=5",
		"tongban.rate-limit.anonymous-devices-per-address-per-minute=8",
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

	@ParameterizedTest
	@ValueSource(strings = { "/%67raphql", "/graph%71l", "/graphql/", "//graphql", "/graphql;x=1" })
	void noSpellingOfThePathEscapesASpentBudget(String path) throws Exception {
		String address = "10.0.2." + Math.abs(path.hashCode() % 200);
		for (int i = 0; i < 5; i++) {
			regions(address, null).andExpect(status().isOk());
		}
		this.mvc.perform(post(URI.create(path)).with((r) -> {
			r.setRemoteAddr(address);
			return r;
		}).contentType(MediaType.APPLICATION_JSON).content("{\"query\": \"{ regions { code } }\"}"))
			// 429, or 400 where the firewall refuses the spelling outright: never served
			.andExpect(path.contains("%") ? status().isTooManyRequests() : status().is4xxClientError());
	}

	@Test
	void appInstallationsBehindOneAddressHaveTheirOwnBudgets() throws Exception {
		for (int i = 0; i < 5; i++) {
			regions("10.0.3.1", null, "device-aaaaaaaa").andExpect(status().isOk());
		}
		regions("10.0.3.1", null, "device-aaaaaaaa").andExpect(status().isTooManyRequests());
		// another phone behind the same carrier NAT still gets answers
		regions("10.0.3.1", null, "device-bbbbbbbb").andExpect(status().isOk());
		// a malformed device id is ignored: the caller is counted by address
		regions("10.0.3.2", null, "x").andExpect(header().string("X-RateLimit-Limit", "5"));
	}

	@Test
	void inventedDeviceIdsStillShareTheAddressBudget() throws Exception {
		for (int i = 0; i < 8; i++) {
			regions("10.0.4.1", null, "rotating-" + (10_000_000 + i)).andExpect(status().isOk());
		}
		regions("10.0.4.1", null, "rotating-99999999").andExpect(status().isTooManyRequests())
			.andExpect(header().string("X-RateLimit-Limit", "8"));
	}

	private ResultActions regions(String address, String token, String device) throws Exception {
		return this.mvc.perform(post("/graphql").with((r) -> {
			r.setRemoteAddr(address);
			return r;
		}).header(RateLimitFilter.DEVICE_HEADER, device)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"query\": \"{ regions { code } }\"}"));
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
