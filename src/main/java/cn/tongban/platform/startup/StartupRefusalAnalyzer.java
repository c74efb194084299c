package cn.tongban.platform.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A {@link StartupRefusal} is its own analysis: the message already says what to do. */
class StartupRefusalAnalyzer extends AbstractFailureAnalyzer<StartupRefusal> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, StartupRefusal cause) {
		return new FailureAnalysis(cause.getMessage(), null, cause);
	}

}
