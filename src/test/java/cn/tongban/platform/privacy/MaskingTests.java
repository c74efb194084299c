package cn.tongban.platform.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTests {

	@Test
	void idNumbersKeepFirstSixAndLastFour() {
		assertThat(Masking.idNumber("370202199003071234")).isEqualTo("370202********1234");
		assertThat(Masking.idNumber("12345")).isEqualTo("*****");
		assertThat(Masking.idNumber(null)).isNull();
	}

	@Test
	void mobilesKeepFirstThreeAndLastFour() {
		assertThat(Masking.mobile("13812345678")).isEqualTo("138****5678");
	}

	@Test
	void namesKeepTheSurname() {
		assertThat(Masking.name("张三")).isEqualTo("张*");
		assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
		assertThat(Masking.name("王")).isEqualTo("王*");
		assertThat(Masking.name("𠮷野家")).as("a surname outside the BMP stays whole").isEqualTo("𠮷**");
		assertThat(Masking.name("")).isEmpty();
	}

}
