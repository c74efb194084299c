package cn.tongban.platform.validation;

import java.time.DateTimeException;
import java.time.LocalDate;

import cn.tongban.platform.ChinaTime;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class IdNumberValidator implements ConstraintValidator<IdNumber, String> {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK_CHARACTERS = "10X98765432";

	/** Today by the validator's clock (the application's {@code Clock}, see {@code ValidationClock}). */
	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		return value == null
				|| isValid(value, LocalDate.now(context.getClockProvider().getClock().withZone(ChinaTime.ZONE)));
	}

	/** Format, region digit, birth date (1900 to {@code today}) and ISO 7064 MOD 11-2 check character. */
	public static boolean isValid(String value, LocalDate today) {
		if (value.length() != 18 || !value.substring(0, 17).chars().allMatch(Character::isDigit)
				|| value.charAt(0) < '1' || value.charAt(0) > '8') {
			return false;
		}
		if (!isBirthDate(value.substring(6, 14), today)) {
			return false;
		}
		return checkCharacter(value.substring(0, 17)) == Character.toUpperCase(value.charAt(17));
	}

	/** The check character for the first 17 digits. */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK_CHARACTERS.charAt(sum % 11);
	}

	private static boolean isBirthDate(String yyyymmdd, LocalDate today) {
		try {
			LocalDate date = LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)),
					Integer.parseInt(yyyymmdd.substring(4, 6)), Integer.parseInt(yyyymmdd.substring(6, 8)));
			return date.getYear() >= 1900 && !date.isAfter(today);
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

}
