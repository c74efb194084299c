package cn.tongban.platform.validation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifierConstraintsTests {

	private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

	private static final LocalDate TODAY = LocalDate.parse("2026-12-03");

	record Person(@IdNumber String idNumber, @MobileNumber String mobile, @CreditCode String creditCode) {
	}

	@ParameterizedTest
	// the standard's own example, and numbers built from real Qingdao region codes with their check characters
	@ValueSource(strings = { "11010519491231002X", "370202199003071234", "370212198512255678", "370281200101010012" })
	void acceptsValidIdNumbers(String candidate) {
		String valid = candidate.substring(0, 17) + IdNumberValidator.checkCharacter(candidate.substring(0, 17));
		assertThat(IdNumberValidator.isValid(valid, TODAY)).isTrue();
		assertThat(IdNumberValidator.isValid(valid.toLowerCase(), TODAY)).as("a lower-case x is accepted").isTrue();
	}

	@Test
	void knowsTheStandardsExample() {
		assertThat(IdNumberValidator.checkCharacter("11010519491231002")).isEqualTo('X');
	}

	@ParameterizedTest
	@ValueSource(strings = { "110105194912310021", // wrong check character
			"11010519491331002X", // month 13
			"11010519490230002X", // 30 February
			"11010518991231002X", // before 1900
			"11010521001231002X", // in the future
			"91010519491231002X", // region digit 9
			"11010519491231002", "1101051949123100200", "1101051949123100AX", "" })
	void refusesInvalidIdNumbers(String value) {
		assertThat(IdNumberValidator.isValid(value, TODAY)).isFalse();
	}

	@Test
	void creditCodeCheckCharacter() {
		// a published example of GB 32100
		assertThat(CreditCodeValidator.isValid("91350100M000100Y43")).isTrue();
		assertThat(CreditCodeValidator.isValid("91350100M000100Y44")).isFalse();
		assertThat(CreditCodeValidator.isValid("91350100M000100Y4")).isFalse();
		assertThat(CreditCodeValidator.isValid("91350100M0001O0Y43")).as("O is not in the charset").isFalse();
		String built = "91370200MA3C" + "12345";
		assertThat(CreditCodeValidator.isValid(built + CreditCodeValidator.checkCharacter(built))).isTrue();
	}

	@Test
	void constraintsApplyToRecordComponentsAndAcceptNull() {
		Set<ConstraintViolation<Person>> violations = VALIDATOR
			.validate(new Person("110105194912310021", "12345678901", "91350100M000100Y44"));
		assertThat(violations).extracting((v) -> v.getPropertyPath().toString())
			.containsExactlyInAnyOrder("idNumber", "mobile", "creditCode");
		assertThat(VALIDATOR.validate(new Person("11010519491231002X", "13812345678", "91350100M000100Y43"))).isEmpty();
		assertThat(VALIDATOR.validate(new Person(null, null, null))).isEmpty();
	}

	@Test
	void theBirthDateMayBeTodayInChinaByTheValidatorsClockButNotLater() {
		String first17 = "37020220261204001";
		String bornOnTheFourth = first17 + IdNumberValidator.checkCharacter(first17);
		// 2026-12-03 23:59 in China: not born yet
		assertThat(validatorAt("2026-12-03T15:59:00Z").validate(new Person(bornOnTheFourth, null, null)))
			.extracting((v) -> v.getPropertyPath().toString())
			.containsExactly("idNumber");
		// 2026-12-04 00:00 in China (still the 3rd in UTC): born today
		assertThat(validatorAt("2026-12-03T16:00:00Z").validate(new Person(bornOnTheFourth, null, null))).isEmpty();
	}

	private static Validator validatorAt(String instant) {
		Clock clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
		return Validation.byDefaultProvider().configure().clockProvider(() -> clock).buildValidatorFactory().getValidator();
	}

}
