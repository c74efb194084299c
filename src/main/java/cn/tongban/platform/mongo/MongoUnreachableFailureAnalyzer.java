package cn.tongban.platform.mongo;

import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.MongoTimeoutException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns "no server reachable" at start-up into one clear line instead of a bean-creation trace. */
class MongoUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<MongoTimeoutException> {

	private static final Pattern ADDRESS = Pattern.compile("address=([^,}\\s]+)");

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MongoTimeoutException cause) {
		return new FailureAnalysis(
				"Cannot reach MongoDB at " + addresses(cause.getMessage()) + ".",
				"Check MONGODB_URI (or spring.mongodb.uri) and that the server is up and reachable; "
						+ "unset both to run on the embedded database. The wait is "
						+ "tongban.mongodb.server-selection-timeout (default 5s).",
				cause);
	}

	/** The servers the driver tried, from its cluster description (which is one very long line). */
	static String addresses(String message) {
		Matcher address = ADDRESS.matcher(String.valueOf(message));
		StringJoiner found = new StringJoiner(", ");
		while (address.find()) {
			found.add(address.group(1));
		}
		return (found.length() > 0) ? found.toString() : "the configured address";
	}

}
