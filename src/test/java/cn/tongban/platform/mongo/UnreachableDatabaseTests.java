package cn.tongban.platform.mongo;

import java.time.Duration;

import cn.tongban.TongbanApplication;
import com.mongodb.MongoTimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A configured database that cannot be reached stops start-up within the server-selection timeout,
 * with one clear line, instead of hanging or starting the embedded database behind the operator's back.
 * (Loopback port 1 has nothing listening.)
 */
class UnreachableDatabaseTests {

	@ParameterizedTest
	@ValueSource(strings = { "spring.mongodb.uri", "MONGODB_URI" })
	void startUpFailsFastWithAClearMessage(String property) {
		Throwable failure = assertTimeoutPreemptively(Duration.ofSeconds(60),
				() -> catchThrowable(() -> new SpringApplicationBuilder(TongbanApplication.class)
					.web(WebApplicationType.NONE)
					.run("--" + property + "=mongodb://127.0.0.1:1/tongban",
							"--tongban.mongodb.server-selection-timeout=1s", "--spring.main.banner-mode=off")
					.close()));
		assertThat(failure).isNotNull();
		Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
		MongoTimeoutException timeout = findTimeout(failure);
		assertThat(timeout).as("root cause %s", root).isNotNull();
		assertThat(timeout.getMessage()).contains("127.0.0.1:1");
		FailureAnalysis analysis = new MongoUnreachableFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).startsWith("Cannot reach MongoDB");
		assertThat(analysis.getAction()).contains("MONGODB_URI");
	}

	private static MongoTimeoutException findTimeout(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof MongoTimeoutException timeout) {
				return timeout;
			}
		}
		return null;
	}

}
