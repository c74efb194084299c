package cn.tongban.identity;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.tongban.platform.privacy.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default run's SMS "gateway": the log, plus the dev outbox when enabled. */
class LoggingSmsSender implements SmsSender {

	private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

	private static final Pattern CODE = Pattern.compile("(\\d{6})");

	private final DevSmsOutbox outbox;

	LoggingSmsSender(DevSmsOutbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public void send(String mobile, String text) {
		log.info("SMS to {}: {}", Masking.mobile(mobile), text);
		if (this.outbox != null) {
			Matcher code = CODE.matcher(text);
			this.outbox.add(new DevSmsOutbox.Message(mobile, text, code.find() ? code.group(1) : null, Instant.now()));
		}
	}

}
