package cn.tongban.platform.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Reports a failed start-up as one line on the error stream and in the log: what is wrong and what
 * to do. Boot's own reporter (a banner and two paragraphs) is silenced in application.yaml.
 */
class OneLineFailureReporter implements FailureAnalysisReporter {

	private static final Logger log = LoggerFactory.getLogger(OneLineFailureReporter.class);

	@Override
	public void report(FailureAnalysis analysis) {
		String line = "Tongban did not start: " + oneLine(analysis.getDescription())
				+ ((analysis.getAction() != null) ? " " + oneLine(analysis.getAction()) : "");
		log.error(line);
		if (log.isDebugEnabled()) {
			log.debug("Cause", analysis.getCause());
		}
	}

	static String oneLine(String text) {
		return text.strip().replaceAll("\\s*\\R\\s*", " ");
	}

}
