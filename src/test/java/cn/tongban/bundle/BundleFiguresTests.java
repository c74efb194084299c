package cn.tongban.bundle;

import java.util.List;
import java.util.Map;

import cn.tongban.catalog.Material;
import cn.tongban.catalog.MaterialForm;
import cn.tongban.catalog.ServiceItem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 表单共享率 and 材料共享率 of a bundle, from its items' fields and materials: no Spring. */
class BundleFiguresTests {

	private static final Map<String, FormField> FIELDS = Map.of(
			"applicantName", field("applicantName", "identity.name"),
			"applicantIdNumber", field("applicantIdNumber", "identity.idNumber"),
			"childName", field("childName", null),
			"birthPlace", field("birthPlace", null));

	private static FormField field(String key, String source) {
		return new FormField(key, key, FormField.Type.TEXT, true, source, List.of());
	}

	private static ServiceItem item(String code, Material... materials) {
		ServiceItem item = ServiceItem.builder()
			.code(code)
			.materials(List.of(materials))
			.build();
		return item;
	}

	private static Material certificate(String name, String type) {
		return new Material(name, MaterialForm.ORIGINAL, type, true, 1, null);
	}

	private static Material paper(String name) {
		return new Material(name, MaterialForm.ORIGINAL, null, true, 1, null);
	}

	private static Bundle bundle(Bundle.Item... items) {
		return new Bundle("NEWBORN", "新生儿出生一件事", null, "BIRTH", "NATURAL_PERSON", "", List.of(items), Map.of(), Map.of());
	}

	@Test
	void fieldsFromSharedDataAreSharedAndATypedFieldCountsOnceHoweverManyItemsAskForIt() {
		Bundle bundle = bundle(new Bundle.Item("a", List.of("applicantName", "applicantIdNumber", "childName")),
				new Bundle.Item("b", List.of("applicantName", "childName", "birthPlace")));
		BundleService.Figures figures = BundleService.figuresOf(bundle, FIELDS,
				Map.of("a", item("a"), "b", item("b")));
		// six mentions; childName and birthPlace are typed, once each on the unified form
		assertThat(figures.formFieldSharingRate().numerator()).isEqualTo(4);
		assertThat(figures.formFieldSharingRate().denominator()).isEqualTo(6);
		assertThat(figures.formFieldSharingRate().targetMet()).isTrue();
	}

	@Test
	void materialsACertificateStandsInForAreSharedAndAPaperOneIsProvidedOnce() {
		Bundle bundle = bundle(new Bundle.Item("a", List.of()), new Bundle.Item("b", List.of()));
		Map<String, ServiceItem> items = Map.of(
				"a", item("a", certificate("居民身份证", "GA-001"), paper("近期免冠彩色照片")),
				"b", item("b", certificate("居民身份证", "GA-001"), paper("近期免冠彩色照片"), paper("医学证明")));
		BundleService.Figures figures = BundleService.figuresOf(bundle, FIELDS, items);
		// five mentions; the photo is brought once, the medical paper once
		assertThat(figures.materialSharingRate().numerator()).isEqualTo(3);
		assertThat(figures.materialSharingRate().denominator()).isEqualTo(5);
		assertThat(figures.materialSharingRate().targetMet()).as("60 %% is under the 70 %% target").isFalse();
	}

	@Test
	void aBundleWithNothingAskedHasNothingShared() {
		BundleService.Figures figures = BundleService.figuresOf(bundle(new Bundle.Item("a", List.of())), FIELDS,
				Map.of());
		assertThat(figures.formFieldSharingRate().value()).isZero();
		assertThat(figures.materialSharingRate().value()).isZero();
	}

}
