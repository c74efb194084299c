package cn.tongban.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.ShiftedClock;
import cn.tongban.support.ShiftedTime;
import cn.tongban.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

import static cn.tongban.support.GraphQlErrors.onlyError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An integrator's credentials over their life: rotation with both secrets working for the overlap,
 * expiry, the warning before it, and the address allow-list at the token endpoint.
 */
@GraphQlIntegrationTest
@TestPropertySource(properties = { "tongban.mongodb.embedded.database=applications", "tongban.application.follow-up-interval=1h" })
@Import(ShiftedTime.class)
class ClientCredentialsTests {

	static final String CLIENT = "test-credentials-bank";

	static final String SEEDED_SECRET = "first-secret-of-the-bank";

	@Autowired
	Tokens tokens;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	ClientCredentials credentials;

	@Autowired
	ShiftedClock clock;

	@BeforeEach
	void registerTheBank() {
		this.mongo.save(new ClientRegistration(CLIENT, "测试银行", ClientRegistration.Kind.INTEGRATOR,
				this.passwords.encode(SEEDED_SECRET), List.of("certificate.verify"), null, null));
	}

	@AfterEach
	void reset() {
		this.clock.reset();
		this.mongo.remove(Query.query(Criteria.where("_id").is(CLIENT)), ClientRegistration.class);
	}

	@Test
	void aRotatedSecretOverlapsTheOldOneForAWeekAndEndsAfterAYear() {
		GraphQlTester bank = this.tokens.as(token(SEEDED_SECRET));
		var rotated = bank.document("mutation { rotateClientSecret(input: {clientId: \"icbc-qingdao\"}) { secret client { clientId secretExpiries } } }")
			.execute();
		String secret = rotated.path("rotateClientSecret.secret").entity(String.class).get();
		assertThat(secret).startsWith("tbs_").hasSize(47);
		assertThat(rotated.path("rotateClientSecret.client.clientId").entity(String.class).get())
			.as("its own, whatever it names").isEqualTo(CLIENT);
		rotated.path("rotateClientSecret.client.secretExpiries").entityList(String.class).hasSize(2);
		assertThat(tokenResponse(SEEDED_SECRET)).containsKey("access_token");
		assertThat(tokenResponse(secret)).containsKey("access_token");

		this.clock.shift(Duration.ofDays(8));
		assertThat(tokenResponse(SEEDED_SECRET)).containsEntry("error", "invalid_client");
		assertThat(tokenResponse(secret)).containsKey("access_token");

		assertThat(this.credentials.warnExpiring()).as("not yet within 14 days").isZero();
		this.clock.shift(Duration.ofDays(350));
		assertThat(this.credentials.warnExpiring()).isEqualTo(1);
		assertThat(this.mongo.exists(Query.query(Criteria.where("clientId").is(CLIENT).and("kind").is("CLIENT_SECRET_EXPIRING")),
				"webhook_events")).isTrue();
		this.clock.shift(Duration.ofDays(10));
		assertThat(tokenResponse(secret)).as("a year on").containsEntry("error", "invalid_client");
	}

	@Test
	void tokensComeOnlyFromAllowedAddresses() {
		GraphQlTester bank = this.tokens.as(token(SEEDED_SECRET));
		onlyError(bank.document("mutation { setClientAddressAllowList(input: {ranges: [\"bank.example.com\"]}) { client { clientId } } }")
			.execute(), "INVALID_ARGUMENT", "input.ranges");
		bank.document("mutation { setClientAddressAllowList(input: {ranges: [\"10.20.0.0/16\", \"2001:db8::/32\"]}) { client { allowedAddresses } } }")
			.execute()
			.path("setClientAddressAllowList.client.allowedAddresses").entityList(String.class)
			.containsExactly("10.20.0.0/16", "2001:db8::/32");
		assertThat(tokenResponse(SEEDED_SECRET)).as("from 127.0.0.1").containsEntry("error", "invalid_client");
		this.tokens.as(this.tokens.admin())
			.document("mutation { setClientAddressAllowList(input: {clientId: \"" + CLIENT + "\", ranges: [\"127.0.0.0/8\"]}) { client { allowedAddresses } } }")
			.execute()
			.path("setClientAddressAllowList.client.allowedAddresses").entityList(String.class).containsExactly("127.0.0.0/8");
		assertThat(tokenResponse(SEEDED_SECRET)).containsKey("access_token");
		this.tokens.as(token(SEEDED_SECRET)).document("{ myClientCredentials { clientId secretExpiries allowedAddresses } }")
			.execute()
			.path("myClientCredentials.secretExpiries").entityList(Object.class).hasSize(1);
	}

	@Test
	void anAdministratorRegistersAnIntegratorAsAnEnterprisesOwnSystemAndEndsIt() {
		GraphQlTester admin = this.tokens.as(this.tokens.admin());
		String link = "mutation($i: SetClientEnterpriseInput!) { setClientEnterprise(input: $i) { client { clientId enterprise { name } } } }";
		admin.document(link).variable("i", Map.of("clientId", CLIENT, "creditCode", "91370212MA3C4K7L8D")).execute()
			.path("setClientEnterprise.client.enterprise.name").entity(String.class).isEqualTo("青岛海蓝数字科技有限公司");
		this.tokens.as(token(SEEDED_SECRET)).document("{ myClientCredentials { enterprise { creditCode } } }").execute()
			.path("myClientCredentials.enterprise.creditCode").entity(String.class).isEqualTo("91370212MA3C4K7L8D");
		onlyError(admin.document(link).variable("i", Map.of("clientId", CLIENT, "creditCode", "91350100M000100Y43")).execute(),
				"UNKNOWN_REFERENCE", "input.creditCode");
		onlyError(admin.document(link).variable("i", Map.of("clientId", CLIENT, "creditCode", "91350100M000100Y44")).execute(),
				"VALIDATION_FAILED", "input.creditCode");
		onlyError(admin.document(link).variable("i", Map.of("clientId", "terminal-counter-xz-01", "creditCode",
				"91370212MA3C4K7L8D")).execute(), "INVALID_ARGUMENT", "input.clientId");
		onlyError(this.tokens.as(token(SEEDED_SECRET)).document(link)
			.variable("i", Map.of("clientId", CLIENT, "creditCode", "91370212MA3C4K7L8D")).execute(), "FORBIDDEN");
		admin.document(link).variable("i", Map.of("clientId", CLIENT)).execute()
			.path("setClientEnterprise.client.enterprise").valueIsNull();
	}

	@Test
	void addressRangesMatchByPrefix() {
		assertThat(AddressRanges.allows(List.of(), "8.8.8.8")).isTrue();
		assertThat(AddressRanges.allows(List.of("10.20.0.0/16"), "10.20.255.1")).isTrue();
		assertThat(AddressRanges.allows(List.of("10.20.0.0/16"), "10.21.0.1")).isFalse();
		assertThat(AddressRanges.allows(List.of("10.20.0.0/12"), "10.31.0.1")).isTrue();
		assertThat(AddressRanges.allows(List.of("192.0.2.7"), "192.0.2.7")).isTrue();
		assertThat(AddressRanges.allows(List.of("192.0.2.7"), "192.0.2.8")).isFalse();
		assertThat(AddressRanges.allows(List.of("2001:db8::/32"), "2001:db8:1::5")).isTrue();
		assertThat(AddressRanges.allows(List.of("2001:db8::/32"), "10.0.0.1")).isFalse();
		assertThat(AddressRanges.allows(List.of("10.0.0.0/8"), "not-an-address")).isFalse();
		assertThat(AddressRanges.problem("10.0.0.0/33")).contains("prefix");
		assertThat(AddressRanges.problem("example.com")).contains("numeric");
		assertThat(AddressRanges.problem("::1/128")).isNull();
	}

	private String token(String secret) {
		return (String) tokenResponse(secret).get("access_token");
	}

	private Map<String, Object> tokenResponse(String secret) {
		return this.tokens.tokenResponse(CLIENT, secret, Map.of("grant_type", "client_credentials"));
	}

}
