package cn.tongban.platform.validation;

import java.time.Clock;

import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bean Validation reads time from the application's one {@link Clock} (e.g. {@code @IdNumber}'s
 * "born no later than today"), so tests that move the clock move validation with it.
 */
@Configuration(proxyBeanMethods = false)
class ValidationClock {

	@Bean
	ValidationConfigurationCustomizer applicationClockForValidation(Clock clock) {
		return (configuration) -> configuration.clockProvider(() -> clock);
	}

}
