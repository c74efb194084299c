package cn.tongban.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The application's clock as a {@link ShiftedClock}, which a test may move instead of waiting. */
@TestConfiguration(proxyBeanMethods = false)
public class ShiftedTime {

	@Bean
	@Primary
	ShiftedClock shiftedClock() {
		return new ShiftedClock();
	}

}
