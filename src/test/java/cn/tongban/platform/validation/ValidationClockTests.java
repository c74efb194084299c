package cn.tongban.platform.validation;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import cn.tongban.platform.ChinaTime;
import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.ShiftedClock;
import cn.tongban.support.ShiftedTime;
import jakarta.validation.Validator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's validator reads the application's clock (in the shared context of the shifted-time tests). */
@GraphQlIntegrationTest
@TestPropertySource(properties = { "tongban.mongodb.embedded.database=applications", "tongban.application.follow-up-interval=1h" })
@Import(ShiftedTime.class)
class ValidationClockTests {

	record Holder(@IdNumber String idNumber) {
	}

	@Autowired
	Validator validator;

	@Autowired
	ShiftedClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void anIdNumberBornTomorrowBecomesValidWhenTheClockReachesTomorrow() {
		LocalDate tomorrow = LocalDate.now(this.clock.withZone(ChinaTime.ZONE)).plusDays(1);
		String first17 = "370202" + tomorrow.format(DateTimeFormatter.BASIC_ISO_DATE) + "001";
		Holder bornTomorrow = new Holder(first17 + IdNumberValidator.checkCharacter(first17));
		assertThat(this.validator.validate(bornTomorrow)).hasSize(1);
		this.clock.shift(Duration.ofDays(1));
		assertThat(this.validator.validate(bornTomorrow)).isEmpty();
	}

}
