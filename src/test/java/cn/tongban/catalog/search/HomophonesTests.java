package cn.tongban.catalog.search;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HomophonesTests {

	private final Homophones homophones = new Homophones(
			Map.of("身份证", 40, "公积金", 30, "营业", 10, "执照", 12, "社保", 5, "换领", 8, "深", 99));

	@Test
	void aRunReadingExactlyLikeAKnownWordBecomesThatWord() {
		assertThat(this.homophones.correct("身分证换领")).isEqualTo(new Homophones.Correction("身份证换领", null));
		assertThat(this.homophones.correct("营业执找").exact()).isEqualTo("营业执照");
	}

	@Test
	void foldedConfusionsAreANearCorrectionOnly() {
		// sheng/shen and zh/z: not the same syllables, alike once folded
		assertThat(this.homophones.correct("生份证")).isEqualTo(new Homophones.Correction(null, "身份证"));
		assertThat(this.homophones.correct("公积京")).isEqualTo(new Homophones.Correction(null, "公积金"));
	}

	@Test
	void knownWordsAndUnknownTextStayAsTyped() {
		assertThat(this.homophones.correct("身份证")).isEqualTo(Homophones.Correction.NONE);
		assertThat(this.homophones.correct("招聘")).isEqualTo(Homophones.Correction.NONE);
		assertThat(this.homophones.correct("gjj 身份证 123")).isEqualTo(Homophones.Correction.NONE);
	}

	@Test
	void singleCharactersAndLettersAreNeverReplaced() {
		assertThat(Homophones.isWord("深")).isFalse();
		assertThat(this.homophones.correct("申")).isEqualTo(Homophones.Correction.NONE);
		assertThat(this.homophones.correct("abc")).isEqualTo(Homophones.Correction.NONE);
	}

	@Test
	void ofTwoWordsReadTheSameTheMoreFrequentWins() {
		Homophones tie = new Homophones(Map.of("公式", 3, "公示", 9));
		assertThat(tie.correct("公事").exact()).isEqualTo("公示");
	}

	@Test
	void foldingCoversTheUsualConfusions() {
		assertThat(Homophones.folded(List.of("zhi", "chang", "shen", "ling"))).isEqualTo("zi can sen nin");
		assertThat(Homophones.folded(List.of("zi", "can", "sen", "nin"))).isEqualTo("zi can sen nin");
	}

}
