package cn.tongban.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import cn.tongban.platform.graphql.TrustedDocuments;
import cn.tongban.platform.graphql.TrustedDocumentsAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** In prod only the manifest's operations pass the door; an ad-hoc one is 400 PERSISTED_QUERY_NOT_ALLOWED. */
class TrustedDocumentsFilterTests {

	static final String REGIONS = "{ regions { code } }";

	static final JsonMapper json = JsonMapper.builder().build();

	final TrustedDocuments trusted = TrustedDocumentsAccess.of(Map.of(TrustedDocumentsAccess.hash(REGIONS), REGIONS), true);

	final GraphQlRequestFilter filter = new GraphQlRequestFilter(json, DataSize.ofKilobytes(256),
			TrustedDocumentsAccess.persistedQueries(this.trusted), this.trusted);

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aManifestOperationPassesByTextOrByHashAlone() throws Exception {
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(post(Map.of("query", REGIONS)), new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isNotNull();
		MockFilterChain byHash = new MockFilterChain();
		this.filter.doFilter(post(Map.of("extensions", Map.of("persistedQuery",
				Map.of("version", 1, "sha256Hash", TrustedDocumentsAccess.hash(REGIONS))))), new MockHttpServletResponse(), byHash);
		assertThat(new String(byHash.getRequest().getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains(REGIONS);
	}

	@Test
	void anAdHocOperationIsRefusedUnlessTheCallerHoldsTheScope() throws Exception {
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(post(Map.of("query", "{ regions { code name } }")), response, chain);
		assertThat(chain.getRequest()).isNull();
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("PERSISTED_QUERY_NOT_ALLOWED");

		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken("icbc-qingdao", null, "ROLE_INTEGRATOR", "SCOPE_graphql.ad-hoc"));
		MockFilterChain allowed = new MockFilterChain();
		this.filter.doFilter(post(Map.of("query", "{ regions { code name } }")), new MockHttpServletResponse(), allowed);
		assertThat(allowed.getRequest()).isNotNull();
	}

	private static MockHttpServletRequest post(Map<String, Object> body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		request.setContentType("application/json");
		request.setContent(json.writeValueAsBytes(body));
		return request;
	}

}
