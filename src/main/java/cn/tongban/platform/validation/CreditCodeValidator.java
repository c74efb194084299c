package cn.tongban.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class CreditCodeValidator implements ConstraintValidator<CreditCode, String> {

	/** GB 32100 code characters: digits and capitals without I, O, Z, S, V. */
	static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		return value == null || isValid(value);
	}

	public static boolean isValid(String value) {
		if (value.length() != 18 || !value.chars().allMatch((c) -> CHARSET.indexOf(c) >= 0)) {
			return false;
		}
		return checkCharacter(value.substring(0, 17)) == value.charAt(17);
	}

	/** The check character for the first 17 characters (MOD 31). */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		return CHARSET.charAt((31 - sum % 31) % 31);
	}

}
