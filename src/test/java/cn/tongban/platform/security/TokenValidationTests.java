package cn.tongban.platform.security;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.Tokens;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Forged, tampered, expired and misaddressed tokens are refused before any operation runs. */
@GraphQlIntegrationTest
class TokenValidationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Tokens tokens;

	@Autowired
	JWKSource<SecurityContext> serverKeys;

	@Test
	void aGenuineTokenIsAccepted() throws Exception {
		call(token(this.serverKeys, claims("http://localhost:8080", "tongban-api", Instant.now().plusSeconds(60))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.me.id").value("psn_333b719f8cd36ed3fd12"));
	}

	@Test
	void aTokenSignedByAnotherKeyIsRefused() throws Exception {
		RSAKey other = new RSAKeyGenerator(2048).keyID("forged").generate();
		refused(token(new ImmutableJWKSet<>(new JWKSet(other)),
				claims("http://localhost:8080", "tongban-api", Instant.now().plusSeconds(60))));
	}

	@Test
	void aTamperedTokenIsRefused() throws Exception {
		String[] parts = this.tokens.resident().split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
		String promoted = payload.replace("\"RESIDENT\"", "\"ADMIN\"");
		refused(parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(promoted.getBytes())
				+ "." + parts[2]);
	}

	@Test
	void anExpiredTokenIsRefused() throws Exception {
		// beyond the 60 s clock skew allowed
		refused(token(this.serverKeys, claims("http://localhost:8080", "tongban-api", Instant.now().minusSeconds(120))));
	}

	@Test
	void aTokenForAnotherAudienceIsRefused() throws Exception {
		refused(token(this.serverKeys, claims("http://localhost:8080", "some-other-api", Instant.now().plusSeconds(60))));
	}

	@Test
	void aTokenFromAnotherIssuerIsRefused() throws Exception {
		refused(token(this.serverKeys, claims("https://evil.example", "tongban-api", Instant.now().plusSeconds(60))));
	}

	@Test
	void garbageIsRefused() throws Exception {
		refused("not-a-jwt");
	}

	private void refused(String token) throws Exception {
		call(token).andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\"")))
			.andExpect(jsonPath("$.errors[0].extensions.code").value("INVALID_TOKEN"))
			.andExpect(jsonPath("$.data").doesNotExist());
	}

	private ResultActions call(String token) throws Exception {
		return this.mvc.perform(post("/graphql").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"query\": \"{ me { id } }\"}"));
	}

	private static JwtClaimsSet claims(String issuer, String audience, Instant expiresAt) {
		return JwtClaimsSet.builder()
			.issuer(issuer)
			.subject("psn_333b719f8cd36ed3fd12")
			.audience(List.of(audience))
			.issuedAt(expiresAt.minusSeconds(600))
			.expiresAt(expiresAt)
			.claim("roles", List.of("RESIDENT"))
			.claim("client_id", "tongban-app")
			.build();
	}

	private static String token(JWKSource<SecurityContext> keys, JwtClaimsSet claims) {
		return new NimbusJwtEncoder(keys)
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
			.getTokenValue();
	}

}
