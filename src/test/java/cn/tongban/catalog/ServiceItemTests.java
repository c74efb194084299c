package cn.tongban.catalog;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A service item cannot be changed once built: the item cache shares one instance. No Spring. */
class ServiceItemTests {

	private static final Material ID_CARD = new Material("居民身份证", MaterialForm.ORIGINAL, "GA-001", true, 1, null);

	@Test
	void itsListsCannotBeChangedThroughTheGetters() {
		ServiceItem item = ServiceItem.builder().code("370200GG0040909000").materials(List.of(ID_CARD))
			.lifeEvents(new ArrayList<>(List.of("ASSISTANCE")))
			.build();
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> item.getMaterials().add(ID_CARD));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> item.getLifeEvents().clear());
	}

	@Test
	void aListGivenToTheBuilderIsCopied() {
		List<String> events = new ArrayList<>(List.of("ASSISTANCE"));
		ServiceItem item = ServiceItem.builder().lifeEvents(events).build();
		events.add("BIRTH");
		assertThat(item.getLifeEvents()).containsExactly("ASSISTANCE");
	}

	@Test
	void aChangeIsANewItemAndTheOriginalStaysAsItWas() {
		ServiceItem original = ServiceItem.builder().code("370200GG0040909000").name("最低生活保障").version(3L).build();
		ServiceItem renamed = original.toBuilder().name("低保").build();
		assertThat(original.getName()).isEqualTo("最低生活保障");
		assertThat(renamed.getName()).isEqualTo("低保");
		assertThat(renamed.getCode()).isEqualTo(original.getCode());
		assertThat(renamed.getVersion()).isEqualTo(3L);
		assertThat(original.withVersion(4L).getVersion()).isEqualTo(4L);
		assertThat(original.getVersion()).isEqualTo(3L);
	}

	@Test
	void anItemStoredWithoutStatusAliasesOrPlainStepsReadsAsActiveWithNone() {
		ServiceItem item = ServiceItem.builder().status(null).aliases(null).plainSteps(null).build();
		assertThat(item.isActive()).isTrue();
		assertThat(item.getAliases()).isEmpty();
		assertThat(item.getPlainSteps()).isEmpty();
	}

}
