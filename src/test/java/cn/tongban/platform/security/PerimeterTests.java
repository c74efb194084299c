package cn.tongban.platform.security;

import java.nio.charset.StandardCharsets;

import cn.tongban.support.GraphQlIntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The perimeter: the body of {@code POST /graphql} (size, type, encoding, shape) refused in the
 * GraphQL error shape with a code; error messages that quote input only in part; the token
 * endpoint throttled before any secret is checked; the dev simulator answering bad input with 400.
 */
@GraphQlIntegrationTest
@TestPropertySource(properties = { "tongban.mongodb.embedded.database=perimeter", "tongban.graphql.max-body-size=4KB",
		"tongban.identity.token-throttle.per-address-per-minute=6",
		"tongban.identity.token-throttle.per-account-per-minute=3",
		"tongban.identity.token-throttle.client-failures-per10-minutes=3" })
class PerimeterTests {

	@Autowired
	MockMvc mvc;

	@MockitoSpyBean
	PasswordEncoder passwords;

	@Test
	void aBodyOverTheLimitIs413WithACode() throws Exception {
		String big = "{\"query\": \"{ regions { code } }\", \"variables\": {\"pad\": \"" + "x".repeat(5000) + "\"}}";
		graphQl(big).andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.errors[0].extensions.code").value("REQUEST_TOO_LARGE"));
	}

	@Test
	void aBodyWithoutALengthIsCutAtTheLimitToo() throws Exception {
		byte[] big = ("{\"query\": \"{ regions { code } }\", \"x\": \"" + "y".repeat(6000) + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		this.mvc.perform(post("/graphql").with((request) -> {
			request.setContent(big);
			request.removeHeader("Content-Length");
			return request;
		}).contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.errors[0].extensions.code").value("REQUEST_TOO_LARGE"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"query\": \"{ regions { code }", "[{\"query\": \"{ regions { code } }\"}]",
			"{\"query\": null}", "{\"query\": 42}", "{\"query\": true}", "{}", "null", "\"query\"",
			"{\"query\": \"{ regions { code } }\", \"variables\": [1]}",
			"{\"query\": \"{ regions { code } }\", \"variables\": \"x\"}",
			"{\"query\": \"{ regions { code } }\", \"operationName\": 7}",
			"{\"query\": \"{ regions { code } }\", \"extensions\": 1}" })
	void aMalformedBodyIs400WithACode(String body) throws Exception {
		graphQl(body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].extensions.code").value("INVALID_REQUEST"));
	}

	@Test
	void invalidUtf8Is400WithACode() throws Exception {
		byte[] body = "{\"query\": \"{ regions { code } }\", \"x\": \"__\"}".getBytes(StandardCharsets.UTF_8);
		body[body.length - 4] = (byte) 0xC3;
		body[body.length - 3] = (byte) 0x28;
		this.mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].extensions.code").value("INVALID_REQUEST"))
			.andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("UTF-8")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded", "application/xml" })
	void aBodyThatIsNotJsonIs415WithACode(String type) throws Exception {
		this.mvc.perform(post("/graphql").contentType(type).content("{\"query\": \"{ regions { code } }\"}"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.errors[0].extensions.code").value("UNSUPPORTED_MEDIA_TYPE"));
		this.mvc.perform(post("/graphql").content("{\"query\": \"{ regions { code } }\"}"))
			.andExpect(status().isUnsupportedMediaType());
	}

	@Test
	void aWellFormedRequestStillWorks() throws Exception {
		graphQl("{\"query\": \"query R($n: Int) { serviceItems(first: $n) { totalCount } }\", \"variables\": {\"n\": 1},"
				+ " \"operationName\": \"R\", \"extensions\": {}}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.serviceItems.totalCount").isNumber());
	}

	@Test
	void errorMessagesQuoteAtMost64CharactersOfInput() throws Exception {
		String id = "A".repeat(20_000);
		graphQl("{\"query\": \"query($c: String!) { serviceItem(code: $c) { name } }\", \"variables\": {\"c\": \"" + id
				+ "\"}}")
			.andExpect(jsonPath("$.errors[0].message").value(Matchers.not(
					Matchers.containsString("A".repeat(65)))));
		graphQl("{\"query\": \"{ serviceItem(code: \\\"" + "B".repeat(3000) + "\\\") { nickname } }\"}")
			.andExpect(jsonPath("$.errors[0].extensions.code").exists())
			.andExpect(jsonPath("$.errors[0].message").value(Matchers.not(
					Matchers.containsString("B".repeat(65)))));
	}

	@Test
	void wrongClientSecretsAreThrottledBeforeAnyBcryptWork() throws Exception {
		for (int i = 0; i < 3; i++) {
			token("10.9.0.1", "icbc-qingdao", "wrong-" + i).andExpect(status().isUnauthorized());
		}
		clearInvocations(this.passwords);
		// even the right secret is not checked while the client's failure budget is spent
		token("10.9.0.2", "icbc-qingdao", "icbc-demo-secret").andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.code").value("RATE_LIMITED"));
		verify(this.passwords, never()).matches(any(), any());
		// another client is not affected
		token("10.9.0.3", "picc-qingdao", "picc-demo-secret").andExpect(status().isOk());
	}

	@Test
	void passwordGuessesAreThrottledPerAccountAndPerAddress() throws Exception {
		for (int i = 0; i < 3; i++) {
			passwordGrant("10.9.1." + i, "staff.wj", "guess-" + i).andExpect(status().is4xxClientError());
		}
		clearInvocations(this.passwords);
		passwordGrant("10.9.1.9", "staff.wj", "guess-x").andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.code").value("RATE_LIMITED"));
		verify(this.passwords, never()).matches(any(), any());
		for (int i = 0; i < 6; i++) {
			passwordGrant("10.9.2.1", "nobody-" + i, "x").andExpect(status().is4xxClientError());
		}
		passwordGrant("10.9.2.1", "nobody-7", "x").andExpect(status().isTooManyRequests());
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "1380000000", "138000000011", "" })
	void theProvincialSimulatorAnswersABadNumberWith400(String mobile) throws Exception {
		this.mvc.perform(get("/dev/provincial-code").param("mobile", mobile))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("INVALID_ARGUMENT"));
	}

	@Test
	void healthDetailsAreForAdministratorsOnly() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(jsonPath("$.status").exists())
			.andExpect(jsonPath("$.components").doesNotExist());
		assertThat(this.mvc.perform(get("/actuator/health")).andReturn().getResponse().getContentAsString())
			.doesNotContain("path").doesNotContain("perimeter");
	}

	private ResultActions graphQl(String body) throws Exception {
		return this.mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private ResultActions token(String address, String clientId, String secret) throws Exception {
		return this.mvc.perform(from(address, post("/oauth2/token").with(httpBasic(clientId, secret))
			.param("grant_type", "client_credentials")));
	}

	private ResultActions passwordGrant(String address, String username, String password) throws Exception {
		return this.mvc.perform(from(address, post("/oauth2/token").with(httpBasic("tongban-console",
				"tongban-console-demo-secret"))
			.param("grant_type", "urn:tongban:params:oauth:grant-type:account-password")
			.param("username", username)
			.param("password", password)));
	}

	private static MockHttpServletRequestBuilder from(String address, MockHttpServletRequestBuilder request) {
		return request.with((r) -> {
			r.setRemoteAddr(address);
			return r;
		});
	}

}
