package cn.tongban.platform.security;

import java.time.Instant;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token with an {@code act} claim, ours after token exchange or the provincial platform's
 * (亲情代办): whatever roles it lists, it is a DELEGATE's with only its {@code delegate.*} scopes,
 * and its delegation, when it names one of ours, must still stand.
 */
class DelegatedTokenTests {

	static final SecurityProperties EXTERNAL = new SecurityProperties("https://tyrz.shandong.gov.cn/realms/sd", null,
			"tongban-api", null);

	@Test
	void theProvincialPlatformsActClaimMakesADelegateWithItsDelegateScopesOnly() {
		Jwt provincial = jwt(Map.of("sub", "psn_represented", "act", Map.of("sub", "psn_actor"), "roles",
				List.of("RESIDENT", "ADMIN"), "scope", "delegate.certificates certificate.verify"));
		JwtAuthenticationToken authentication = (JwtAuthenticationToken) ResourceServerConfiguration
			.authenticationConverter(EXTERNAL)
			.convert(provincial);
		assertThat(rolesAndScopes(authentication)).containsExactlyInAnyOrder("ROLE_DELEGATE", "SCOPE_delegate.certificates");
		Subject subject = Subject.from(authentication);
		assertThat(subject.id()).isEqualTo("psn_represented");
		assertThat(subject.actorId()).isEqualTo("psn_actor");
		assertThat(subject.delegated()).isTrue();
		assertThat(subject.holderId()).isEqualTo("psn_represented");
		assertThat(subject.actingPersonId()).isEqualTo("psn_actor");
	}

	@Test
	void aTokenWithoutActKeepsItsRoles() {
		Jwt resident = jwt(Map.of("sub", "psn_someone", "roles", List.of("RESIDENT")));
		JwtAuthenticationToken authentication = (JwtAuthenticationToken) ResourceServerConfiguration
			.authenticationConverter(EXTERNAL)
			.convert(resident);
		assertThat(rolesAndScopes(authentication)).containsExactly("ROLE_RESIDENT");
		assertThat(Subject.from(authentication).delegated()).isFalse();
		assertThat(Subject.from(jwtToken(jwt(Map.of("sub", "x", "act", Map.of("sub", " ")))))).extracting(Subject::actorId)
			.as("an act claim without an actor names nobody").isNull();
	}

	@Test
	void aDelegationThatNoLongerStandsInvalidatesTheToken() {
		DelegationStatus revokedOne = (delegation, represented, actor) -> !delegation.equals("dlg_revoked");
		OAuth2TokenValidator<Jwt> validator = JwtValidation.validator(EXTERNAL, revokedOne);
		Map<String, Object> base = Map.of("iss", EXTERNAL.issuer(), "aud", List.of("tongban-api"), "sub", "psn_r");
		assertThat(validator.validate(jwt(with(base, Map.of("act", Map.of("sub", "psn_a"), "dlg", "dlg_ok")))).hasErrors())
			.isFalse();
		assertThat(validator.validate(jwt(with(base, Map.of("act", Map.of("sub", "psn_a"), "dlg", "dlg_revoked"))))
			.getErrors()).extracting((error) -> error.getErrorCode()).containsExactly("invalid_token");
		assertThat(validator.validate(jwt(with(base, Map.of("act", Map.of("sub", "psn_a"))))).hasErrors())
			.as("the provincial platform's act without our dlg").isFalse();
		assertThat(validator.validate(jwt(with(base, Map.of("dlg", "dlg_ok")))).hasErrors())
			.as("a delegation id without an actor").isTrue();
		assertThat(JwtValidation.validator(EXTERNAL, null)
			.validate(jwt(with(base, Map.of("act", Map.of("sub", "psn_a"), "dlg", "dlg_ok"))))
			.hasErrors()).as("nobody to ask").isTrue();
	}

	/** Roles and scopes; Spring Security adds FACTOR_BEARER for how the caller authenticated. */
	private static List<String> rolesAndScopes(JwtAuthenticationToken authentication) {
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> !authority.startsWith("FACTOR_"))
			.toList();
	}

	private static Map<String, Object> with(Map<String, Object> base, Map<String, Object> more) {
		Map<String, Object> all = new HashMap<>(base);
		all.putAll(more);
		return all;
	}

	private static JwtAuthenticationToken jwtToken(Jwt jwt) {
		return (JwtAuthenticationToken) ResourceServerConfiguration.authenticationConverter(EXTERNAL).convert(jwt);
	}

	private static Jwt jwt(Map<String, Object> claims) {
		Instant now = Instant.now();
		return Jwt.withTokenValue("t").header("alg", "RS256").claims((all) -> all.putAll(claims)).issuedAt(now)
			.expiresAt(now.plusSeconds(600)).build();
	}

}
