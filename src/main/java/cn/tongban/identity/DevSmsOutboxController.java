package cn.tongban.identity;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /dev/sms-outbox?mobile=…}: messages the logging sender sent, newest first. Dev only. */
@RestController
@Profile("!prod")
@ConditionalOnProperty(name = "tongban.identity.dev-outbox", havingValue = "true")
class DevSmsOutboxController {

	private final DevSmsOutbox outbox;

	DevSmsOutboxController(DevSmsOutbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/dev/sms-outbox")
	List<DevSmsOutbox.Message> messages(@RequestParam String mobile) {
		return this.outbox.to(mobile);
	}

}
