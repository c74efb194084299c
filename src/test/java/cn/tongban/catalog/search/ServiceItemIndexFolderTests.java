package cn.tongban.catalog.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** An index kept in a folder across restarts: reusable only as built, and searchable when reused. */
class ServiceItemIndexFolderTests {

	private static final IndexedItem PASSPORT = item("370200QR0001", "普通护照签发", 900);

	private static final IndexedItem HOUSING_FUND = item("370200QR0002", "住房公积金提取", 700);

	@Test
	void aRestartFindsTheCatalogueTheIndexWasBuiltFromAndSearchesIt(@TempDir Path folder) throws Exception {
		try (ServiceItemIndex index = new ServiceItemIndex(10, folder)) {
			assertThat(index.builtFrom()).isEmpty();
			index.rebuild(List.of(PASSPORT, HOUSING_FUND), "catalogue-1");
		}
		try (ServiceItemIndex reopened = new ServiceItemIndex(10, folder)) {
			assertThat(reopened.builtFrom()).isEqualTo("catalogue-1");
			reopened.reuse();
			assertThat(codes(reopened, "护照")).containsExactly(PASSPORT.code());
			assertThat(codes(reopened, "公积金")).containsExactly(HOUSING_FUND.code());
		}
		assertThat(Files.list(folder)).isNotEmpty();
	}

	@Test
	void aChangeAfterTheBuildMakesTheNextStartRebuild(@TempDir Path folder) throws Exception {
		try (ServiceItemIndex index = new ServiceItemIndex(10, folder)) {
			index.rebuild(List.of(PASSPORT), "catalogue-1");
			index.upsert(List.of(HOUSING_FUND));
			assertThat(index.builtFrom()).isEmpty();
		}
		try (ServiceItemIndex reopened = new ServiceItemIndex(10, folder)) {
			assertThat(reopened.builtFrom()).isEmpty();
		}
	}

	private static List<String> codes(ServiceItemIndex index, String text) {
		return index.search(new SearchRequest(text, Map.of(), null, 0, 10)).hits().stream().map(SearchResult.Hit::code).toList();
	}

	private static IndexedItem item(String code, String name, int popularity) {
		return new IndexedItem(code, code, name, List.of(), List.of(), "", "GA", "370200", List.of("PERSON"), List.of(),
				List.of("MOBILE"), List.of(), "PUBLIC_SERVICE", false, popularity);
	}

}
