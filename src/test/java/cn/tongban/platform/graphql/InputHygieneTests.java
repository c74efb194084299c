package cn.tongban.platform.graphql;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The argument rules without Spring: control characters found by path, strings in NFC and stripped. */
class InputHygieneTests {

	@Test
	void theFirstControlCharacterIsFoundByItsInputPath() {
		Map<String, Object> input = Map.of("input", Map.of("formValues", List.of(Map.of("key", "a", "value", "ok"),
				Map.of("key", "b", "value", "青岛\u0000顺通"))));
		assertThat(InputHygiene.firstControlCharacter(input, "")).isEqualTo("input.formValues[1].value");
		assertThat(InputHygiene.firstControlCharacter(Map.of("q", "line\nbreak\tand tab"), "")).isNull();
		assertThat(InputHygiene.hasControlCharacter("\u0085")).isTrue();
		assertThat(InputHygiene.hasControlCharacter("\u007F")).isTrue();
		assertThat(InputHygiene.hasControlCharacter("\u00A0 no-break space is text")).isFalse();
	}

	@Test
	void stringsArriveInNfcWithoutSurroundingSpaceAndUnchangedInputsStayTheSameInstance() {
		Map<String, Object> clean = Map.of("input", Map.of("name", "张伟", "tags", List.of("a", "b")));
		assertThat(InputHygiene.normalised(clean)).isSameAs(clean);
		Object normalised = InputHygiene.normalised(Map.of("input", Map.of("name", "  Jose\u0301 ", "tags",
				List.of(" a", "b"), "count", 3)));
		assertThat(normalised).isEqualTo(Map.of("input", Map.of("name", "Jos\u00e9", "tags", List.of("a", "b"), "count", 3)));
	}

}
