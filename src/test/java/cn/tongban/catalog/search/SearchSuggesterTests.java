package cn.tongban.catalog.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchSuggesterTests {

	private final SearchSuggester suggester = new SearchSuggester();

	@BeforeEach
	void catalogue() {
		Map<String, Integer> names = new HashMap<>();
		names.put("住房公积金提取", 900);
		names.put("住房公积金贷款", 800);
		names.put("公积金缴存基数调整", 700);
		names.put("居民身份证换领", 1000);
		names.put("居民身份证挂失", 300);
		names.put("高级职称评审", 100);
		names.put("内地居民结婚登记", 500);
		this.suggester.rebuild(names);
	}

	@Test
	void chinesePrefixesBeforeInfixesEachByPopularity() {
		assertThat(texts("居民", 10)).containsExactly("居民身份证换领", "居民身份证挂失", "内地居民结婚登记");
		assertThat(texts("公积金", 10)).containsExactly("公积金缴存基数调整", "住房公积金提取", "住房公积金贷款");
	}

	@Test
	void pinyinFromTheStartBeforePinyinFromALaterSyllable() {
		assertThat(texts("gj", 10)).containsExactly("公积金缴存基数调整", "高级职称评审", "住房公积金提取",
				"住房公积金贷款");
		assertThat(texts("gongjij", 10)).containsExactly("公积金缴存基数调整", "住房公积金提取", "住房公积金贷款");
		assertThat(texts("zfgjj", 10)).containsExactly("住房公积金提取", "住房公积金贷款");
		// one letter completes from the start only: from any syllable it would match nearly everything
		assertThat(texts("j", 10)).containsExactly("居民身份证换领", "居民身份证挂失");
	}

	@Test
	void theLimitKeepsTheMostPopular() {
		assertThat(texts("gj", 2)).containsExactly("公积金缴存基数调整", "高级职称评审");
		assertThat(texts("公积金", 1)).containsExactly("公积金缴存基数调整");
		assertThat(texts("积金", 2)).containsExactly("住房公积金提取", "住房公积金贷款");
	}

	@Test
	void theTypedPartIsMarked() {
		List<TextSegment> segments = this.suggester.suggest("身份", 1).get(0).segments();
		assertThat(segments).extracting(TextSegment::text).containsExactly("居民", "身份", "证换领");
		assertThat(segments).extracting(TextSegment::matched).containsExactly(false, true, false);
	}

	@Test
	void nothingMatchesNothing() {
		assertThat(texts("zzzq", 10)).isEmpty();
		assertThat(texts("婚姻", 10)).isEmpty();
	}

	private List<String> texts(String prefix, int limit) {
		return this.suggester.suggest(prefix, limit).stream().map(SearchSuggester.Suggestion::text).toList();
	}

}
