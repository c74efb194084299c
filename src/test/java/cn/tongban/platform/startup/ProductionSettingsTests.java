package cn.tongban.platform.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Each unsafe production setting alone is refused, naming what to set; a safe configuration passes. */
class ProductionSettingsTests {

	@TempDir
	Path keys;

	MockEnvironment env;

	@BeforeEach
	void safeProduction() throws IOException {
		Path seal = Files.createFile(this.keys.resolve("seal-keys.p12"));
		this.env = new MockEnvironment().withProperty("tongban.certificate.keystore", seal.toString())
			.withProperty("tongban.certificate.keystore-password", "s3cret-seal")
			.withProperty("tongban.certificate.create-missing-keys", "false")
			.withProperty("tongban.code.keystore", this.keys.resolve("code-keys.p12").toString())
			.withProperty("tongban.code.keystore-password", "s3cret-code")
			.withProperty("tongban.sms.gateway.url", "https://sms.example.gov.cn/send")
			.withProperty("tongban.sms.gateway.app-key", "tongban")
			.withProperty("tongban.sms.gateway.app-secret", "gateway-secret")
			.withProperty("tongban.sms.gateway.signature", "通办")
			.withProperty("tongban.sms.gateway.templates.LOGIN_CODE", "SMS_0001")
			.withProperty("tongban.identity.dev-outbox", "false")
			.withProperty("tongban.code.provincial-simulator", "false")
			.withProperty("tongban.graphql.trusted-documents-only", "true")
			.withProperty("tongban.webhook.allow-private-addresses", "false")
			.withProperty("tongban.seed.locations", "file:/etc/tongban/seeds/,classpath:seeds/");
	}

	@Test
	void aSafeConfigurationPasses() {
		assertThat(ProductionSettings.refusals(this.env)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"tongban.certificate.keystore-password|''|TONGBAN_SEAL_KEYSTORE_PASSWORD",
			"tongban.certificate.keystore-password|tongban-dev-only|TONGBAN_SEAL_KEYSTORE_PASSWORD",
			"tongban.code.keystore-password|''|TONGBAN_CODE_KEYSTORE_PASSWORD",
			"tongban.code.keystore-password|tongban-dev-only|TONGBAN_CODE_KEYSTORE_PASSWORD",
			"tongban.certificate.keystore|''|tongban.certificate.keystore",
			"tongban.certificate.keystore|/nonexistent/seal-keys.p12|production checklist",
			"tongban.code.keystore|''|tongban.code.keystore",
			"tongban.certificate.create-missing-keys|true|create-missing-keys",
			"tongban.sms.gateway.url|''|TONGBAN_SMS_GATEWAY_URL",
			"tongban.sms.gateway.app-secret|''|tongban.sms.gateway.app-secret",
			"tongban.sms.gateway.templates.LOGIN_CODE|''|tongban.sms.gateway.templates.LOGIN_CODE",
			"tongban.identity.dev-outbox|true|tongban.identity.dev-outbox=false",
			"tongban.code.provincial-simulator|true|tongban.code.provincial-simulator=false",
			"tongban.graphql.trusted-documents-only|false|tongban.graphql.trusted-documents-only=true",
			"tongban.webhook.allow-private-addresses|true|tongban.webhook.allow-private-addresses=false",
			"tongban.seed.locations|classpath:seeds/dev/,classpath:seeds/|TONGBAN_SEED_LOCATIONS" })
	void eachUnsafeSettingAloneIsRefusedNamingTheFix(String property, String value, String named) {
		this.env.setProperty(property, value);
		List<String> refusals = ProductionSettings.refusals(this.env);
		assertThat(refusals).hasSize(1);
		assertThat(refusals.get(0)).contains(named);
	}

	@Test
	void createMissingKeysIsOnUnlessTurnedOff() {
		MockEnvironment unset = new MockEnvironment();
		assertThat(ProductionSettings.refusals(unset)).anyMatch((refusal) -> refusal.contains("create-missing-keys"));
	}

}
