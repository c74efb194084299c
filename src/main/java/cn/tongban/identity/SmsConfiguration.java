package cn.tongban.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

	@Bean
	@ConditionalOnMissingBean(SmsSender.class)
	SmsSender loggingSmsSender(ObjectProvider<DevSmsOutbox> outbox) {
		return new LoggingSmsSender(outbox.getIfAvailable());
	}

	@Bean
	@ConditionalOnProperty(name = "tongban.identity.dev-outbox", havingValue = "true")
	DevSmsOutbox devSmsOutbox() {
		return new DevSmsOutbox();
	}

}
