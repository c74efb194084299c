package cn.tongban.platform.security;

import cn.tongban.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With an external issuer configured the service only validates tokens: no token endpoint, no SMS
 * codes, catalogue reads still work. The issuer is not contacted until a token arrives.
 */
@GraphQlIntegrationTest
@TestPropertySource(properties = { "tongban.mongodb.embedded.database=external-issuer",
		"tongban.security.issuer-uri=http://127.0.0.1:1/realms/shandong" })
class ExternalIssuerTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void theEmbeddedAuthorizationServerIsOff() throws Exception {
		assertThat(this.context.getBeanNamesForType(RegisteredClientRepository.class)).isEmpty();
		this.mvc.perform(post("/oauth2/token").param("grant_type", "client_credentials"))
			.andExpect(status().is4xxClientError());
	}

	@Test
	void smsCodesAreRequestedFromTheIdentityPlatform() {
		this.graphQl.document("mutation { requestLoginCode(input: {mobile: \"13800000001\"}) { maskedMobile } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "SIGN_IN_ELSEWHERE"));
	}

	@Test
	void publicReadsNeedNoIssuer() {
		this.graphQl.document("{ regions { code } }").execute().path("regions").entityList(Object.class).hasSize(11);
	}

}
