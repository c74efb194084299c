package cn.tongban.identity;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The SMS sender: the HTTP gateway when {@code tongban.sms.gateway.url} is set; otherwise, outside
 * the prod profile only, the logging sender with the dev outbox. Production without a gateway is
 * refused at start-up (StartupGuard).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmsGatewayProperties.class)
class SmsConfiguration {

	@Bean
	@ConditionalOnExpression("'${tongban.sms.gateway.url:}' != ''")
	SmsSender httpSmsGateway(SmsGatewayProperties properties, JsonMapper json, Clock clock) {
		return new HttpSmsGateway(properties, json, clock);
	}

	@Bean
	@Profile("!prod")
	@ConditionalOnMissingBean(SmsSender.class)
	SmsSender loggingSmsSender(ObjectProvider<DevSmsOutbox> outbox, Clock clock) {
		return new LoggingSmsSender(outbox.getIfAvailable(), clock);
	}

	@Bean
	@Profile("!prod")
	@ConditionalOnProperty(name = "tongban.identity.dev-outbox", havingValue = "true")
	DevSmsOutbox devSmsOutbox() {
		return new DevSmsOutbox();
	}

}
