package cn.tongban.identity;

import java.time.Clock;

import cn.tongban.platform.privacy.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default run's SMS "gateway": the dev outbox (when enabled) keeps the message for
 * {@code GET /dev/sms-outbox}; the log says only that something was sent, never the text, since a
 * login code in a log signs anyone in. Never a bean in the prod profile.
 */
class LoggingSmsSender implements SmsSender {

	private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

	private final DevSmsOutbox outbox;

	private final Clock clock;

	LoggingSmsSender(DevSmsOutbox outbox, Clock clock) {
		this.outbox = outbox;
		this.clock = clock;
	}

	@Override
	public void send(SmsMessage message) {
		log.info("SMS {} to {} (dev: not sent; {})", message.template(), Masking.mobile(message.mobile()),
				(this.outbox != null) ? "readable at GET /dev/sms-outbox" : "dropped");
		if (this.outbox != null) {
			this.outbox.add(new DevSmsOutbox.Message(message.mobile(), message.text(), message.params().get("code"),
					this.clock.instant()));
		}
	}

}
