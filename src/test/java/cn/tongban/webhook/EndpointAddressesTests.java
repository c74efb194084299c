package cn.tongban.webhook;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where webhooks may go in production (SSRF), and how long a failed delivery waits. */
class EndpointAddressesTests {

	@ParameterizedTest
	@ValueSource(strings = { "http://93.184.216.34/hooks", "https://127.0.0.1/hooks", "https://10.1.2.3/hooks",
			"https://172.16.0.9/hooks", "https://192.168.1.1/hooks", "https://169.254.169.254/latest/meta-data",
			"https://100.64.0.1/hooks", "https://0.0.0.0/hooks", "https://[::1]/hooks", "https://[fc00::1]/hooks",
			"https://[fe80::1]/hooks", "https://user:pw@93.184.216.34/hooks", "ftp://93.184.216.34/hooks", "/hooks" })
	void productionRefusesWhatIsNotAPublicHttpsAddress(String url) {
		assertThatThrownBy(() -> EndpointAddresses.checkResolved(EndpointAddresses.parse(url, false), false))
			.isInstanceOf(EndpointAddresses.Refused.class);
	}

	@Test
	void aPublicHttpsAddressPassesAndTheDefaultRunAllowsLoopback() {
		EndpointAddresses.checkResolved(EndpointAddresses.parse("https://93.184.216.34/hooks", false), false);
		EndpointAddresses.checkResolved(EndpointAddresses.parse("http://127.0.0.1:8099/hooks", true), true);
		assertThatThrownBy(() -> EndpointAddresses.parse("https://x/" + "a".repeat(2048), true))
			.isInstanceOf(EndpointAddresses.Refused.class);
	}

	@Test
	void backoffDoublesWithJitterUpToAnHour() {
		for (int failures = 1; failures <= 30; failures++) {
			long expected = Math.min(3_600_000L, 5_000L << Math.min(failures - 1, 20));
			Duration wait = WebhookDispatcher.backoff(failures);
			assertThat(wait.toMillis()).isBetween((long) (expected * 0.8), (long) (expected * 1.2));
		}
	}

	@Test
	void signaturesFollowStandardWebhooks() {
		// the Standard Webhooks specification's example
		String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
		String body = "{\"test\": 2432232314}";
		assertThat(WebhookSignature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body))
			.isEqualTo("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
		assertThat(WebhookSignature.newSecret()).startsWith("whsec_").hasSize(6 + 44);
	}

}
