package cn.tongban.platform;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;

import cn.tongban.identity.SmsSender;
import cn.tongban.platform.startup.ProductionCheck;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The prod profile, configured as production must be (keystores and their passwords, an SMS
 * gateway), hides the schema from strangers: no introspection, no GraphiQL, no schema printer;
 * and it has no development adapters or demo data.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "prod" })
class ProductionProfileTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@DynamicPropertySource
	static void productionSettings(DynamicPropertyRegistry registry) throws Exception {
		Path keys = Files.createTempDirectory("tongban-prod-keys");
		Path seal = keys.resolve("seal-keys.p12");
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		try (OutputStream out = Files.newOutputStream(seal)) {
			store.store(out, "a-real-secret-1".toCharArray());
		}
		registry.add("tongban.certificate.keystore", seal::toString);
		registry.add("tongban.certificate.keystore-password", () -> "a-real-secret-1");
		registry.add("tongban.code.keystore", () -> keys.resolve("code-keys.p12").toString());
		registry.add("tongban.code.keystore-password", () -> "a-real-secret-2");
		registry.add("tongban.sms.gateway.url", () -> "http://127.0.0.1:9/sms");
		registry.add("tongban.sms.gateway.templates.LOGIN_CODE", () -> "SMS_0001");
		registry.add("tongban.sms.gateway.app-key", () -> "tongban");
		registry.add("tongban.sms.gateway.app-secret", () -> "gateway-secret");
		registry.add("tongban.sms.gateway.signature", () -> "通办");
	}

	@Autowired
	List<ProductionCheck> checks;

	@Test
	void theProductionDataChecksPassOnAProductionDatabase() {
		assertThat(this.checks).hasSizeGreaterThanOrEqualTo(2)
			.allSatisfy((check) -> assertThat(check.refusals()).isEmpty());
	}

	@Test
	void noDevelopmentAdaptersOrDemoData() throws Exception {
		assertThat(this.context.getBeanNamesForType(SmsSender.class)).containsExactly("httpSmsGateway");
		this.mvc.perform(get("/dev/sms-outbox").param("mobile", "13800000001")).andExpect(status().isNotFound());
		this.mvc.perform(get("/dev/provincial-code").param("mobile", "13800000001")).andExpect(status().isNotFound());
		this.mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON)
			.content("{\"query\": \"mutation { requestLoginCode(input: {mobile: \\\"13800000001\\\"}) { maskedMobile } }\"}"))
			.andExpect(jsonPath("$.data.requestLoginCode.maskedMobile").value("138****0001"));
		this.mvc.perform(post("/oauth2/token").with(httpBasic("tongban-console", "tongban-console-demo-secret"))
			.param("grant_type", "urn:tongban:params:oauth:grant-type:account-password")
			.param("username", "admin.xz")
			.param("password", "Tongban@2026"))
			.andExpect(status().isUnauthorized());
	}

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
	void onlyTheTrustedDocumentsRun() throws Exception {
		this.mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON)
			.content("{\"query\": \"{ regions { code name } }\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].extensions.code").value("PERSISTED_QUERY_NOT_ALLOWED"));
		this.mvc.perform(get("/graphql").param("query", "{ regions { code name } }"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].extensions.code").value("PERSISTED_QUERY_NOT_ALLOWED"));
		// the app sends a manifest operation's hash alone
		this.mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON)
			.content("{\"extensions\": {\"persistedQuery\": {\"version\": 1, \"sha256Hash\": "
					+ "\"32d23810f7c0d236a0cd28a96d1aaaf926a9f0e9f13227c75d2c683bb3f3413a\"}}}"))
			.andExpect(jsonPath("$.data.regions.length()").value(11));
	}

	@Test
	void queriesStillWork() throws Exception {
		this.mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON).content("{\"query\": \"{ regions { code } }\"}"))
			.andExpect(jsonPath("$.data.regions.length()").value(11));
	}

}
