package cn.tongban.platform.mongo;

import com.mongodb.MongoTimeoutException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns "no server reachable" at start-up into one clear line instead of a bean-creation trace. */
class MongoUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<MongoTimeoutException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MongoTimeoutException cause) {
		return new FailureAnalysis(
				"Cannot reach MongoDB: " + cause.getMessage().lines().findFirst().orElse(""),
				"Check MONGODB_URI (or spring.mongodb.uri) and that the server is up and reachable; "
						+ "unset both to run on the embedded database. The wait is "
						+ "tongban.mongodb.server-selection-timeout (default 5s).",
				cause);
	}

}
