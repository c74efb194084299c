package cn.tongban.identity;

import java.time.LocalDate;
import java.util.List;

import cn.tongban.platform.ChinaTime;
import cn.tongban.platform.validation.IdNumberValidator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The 公民身份号码 allocated at 户口登记: district, birth date, sequence by sex, check character. */
class BirthRegistrationTests {

	@Test
	void anAllocatedNumberIsValidAndSaysDistrictBirthDateAndSex() {
		String boy = BirthRegistration.idNumber("370202", LocalDate.of(2026, 11, 20), 1);
		assertThat(boy).startsWith("37020220261120001").hasSize(18);
		assertThat(IdNumberValidator.isValid(boy, LocalDate.now(ChinaTime.ZONE))).isTrue();
		String girl = BirthRegistration.idNumber("370202", LocalDate.of(2026, 11, 25), 2);
		assertThat(girl).startsWith("37020220261125002");
		assertThat(IdNumberValidator.isValid(girl, LocalDate.now(ChinaTime.ZONE))).isTrue();
		// the sequence's last digit is odd for a boy, even for a girl (GB 11643)
		assertThat(Character.getNumericValue(boy.charAt(16)) % 2).isEqualTo(1);
		assertThat(Character.getNumericValue(girl.charAt(16)) % 2).isZero();
	}

	@Test
	void theDistrictMustBeASixDigitCode() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BirthRegistration("app", "张小宝", true,
				LocalDate.of(2026, 11, 20), "3702", List.of()));
	}

}
