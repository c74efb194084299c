package cn.tongban.catalog;

import java.util.List;

import cn.tongban.catalog.search.IndexedItem;
import cn.tongban.catalog.search.Synonym;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueFingerprintTests {

	private static final List<Synonym> SYNONYMS = List.of(new Synonym("身份证", List.of("居民身份证")));

	@Test
	void theSameContentInAnyOrderHasTheSameFingerprint() {
		assertThat(CatalogueFingerprint.of(List.of(item("A", "护照", "公安"), item("B", "公积金", "公积金中心")), SYNONYMS))
			.isEqualTo(CatalogueFingerprint.of(List.of(item("B", "公积金", "公积金中心"), item("A", "护照", "公安")), SYNONYMS));
	}

	@Test
	void anythingTheIndexHoldsChangesIt() {
		String before = CatalogueFingerprint.of(List.of(item("A", "护照", "公安")), SYNONYMS);
		// a renamed department reaches the index as a keyword
		assertThat(CatalogueFingerprint.of(List.of(item("A", "护照", "公安局")), SYNONYMS)).isNotEqualTo(before);
		assertThat(CatalogueFingerprint.of(List.of(item("A", "普通护照", "公安")), SYNONYMS)).isNotEqualTo(before);
		assertThat(CatalogueFingerprint.of(List.of(item("A", "护照", "公安")), List.of())).isNotEqualTo(before);
		assertThat(CatalogueFingerprint.of(List.of(item("A", "护照", "公安"), item("B", "公积金", "公积金中心")), SYNONYMS))
			.isNotEqualTo(before);
	}

	private static IndexedItem item(String code, String name, String department) {
		return new IndexedItem(code, code, name, List.of(), List.of(department), "", "GA", "370200", List.of(), List.of(),
				List.of(), List.of(), "PUBLIC_SERVICE", false, 1);
	}

}
