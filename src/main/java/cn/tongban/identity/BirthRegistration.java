package cn.tongban.identity;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import cn.tongban.platform.validation.IdNumberValidator;

/**
 * What 户口登记 of a newborn needs: who registers it (the key that makes it idempotent), the name,
 * sex and birth date from the form, the registration district and the guardians.
 *
 * @param regionCode the six-digit administrative code of the registering district (GB/T 2260)
 */
public record BirthRegistration(String registrationKey, String name, boolean male, LocalDate birthDate,
		String regionCode, List<String> guardianIds) {

	public BirthRegistration {
		if (regionCode == null || !regionCode.matches("\\d{6}")) {
			throw new IllegalArgumentException("registration district must be a six-digit code: " + regionCode);
		}
	}

	/** The 公民身份号码 for a district, a birth date and a sequence (1–999) with its check character. */
	static String idNumber(String regionCode, LocalDate birthDate, int sequence) {
		String first17 = regionCode + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
		return first17 + IdNumberValidator.checkCharacter(first17);
	}

}
