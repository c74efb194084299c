package cn.tongban.platform.mongo;

import java.time.Duration;

import cn.tongban.TongbanApplication;
import cn.tongban.platform.startup.StartupRefusal;
import com.mongodb.MongoTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A configured database that cannot be reached stops start-up within the server-selection timeout,
 * before any bean exists, with one clear line, instead of hanging or starting the embedded database
 * behind the operator's back. (Loopback port 1 has nothing listening.)
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
		assertThat(failure).isInstanceOf(StartupRefusal.class)
			.hasMessageContaining("Cannot reach MongoDB at 127.0.0.1:1")
			.hasMessageContaining("MONGODB_URI");
	}

	@Test
	void aDriverTimeoutLaterOnIsStillOneLineNamingTheServers() {
		MongoTimeoutException timeout = new MongoTimeoutException("Timed out while waiting for a server that matches "
				+ "WritableServerSelector. Client view of cluster state is {type=UNKNOWN, servers=[{address=db1:27017, "
				+ "type=UNKNOWN}, {address=db2:27017, type=UNKNOWN}]");
		FailureAnalysis analysis = new MongoUnreachableFailureAnalyzer().analyze(timeout);
		assertThat(analysis.getDescription()).isEqualTo("Cannot reach MongoDB at db1:27017, db2:27017.");
		assertThat(analysis.getAction()).contains("MONGODB_URI");
	}

}
