package cn.tongban.catalog;

import java.util.List;
import java.util.Map;

import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.SeedCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static cn.tongban.support.GraphQlErrors.onlyError;
import static org.assertj.core.api.Assertions.assertThat;

@GraphQlIntegrationTest
class SearchFeatureTests {

	private static final String SEARCH = """
			query($q: String, $near: ID, $filter: ServiceItemFilter, $first: Int) {
			  serviceItems(query: $q, near: $near, filter: $filter, first: $first) {
			    totalCount
			    edges { score node { name region { code } departmentCode: department { code } } nameHighlight { text matched } }
			    facets {
			      departments { department { code } count }
			      lifeEvents { lifeEvent { code } count }
			      channels { channel count }
			    }
			  }
			}""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void facetsCountEveryMatch() {
		GraphQlTester.Response response = search("公积金", null, null, 5);
		int total = response.path("serviceItems.totalCount").entity(Integer.class).get();
		List<Integer> departmentCounts = response.path("serviceItems.facets.departments[*].count")
			.entityList(Integer.class)
			.get();
		assertThat(departmentCounts.stream().mapToInt(Integer::intValue).sum()).as("one department per item")
			.isEqualTo(total);
		assertThat(departmentCounts).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
		response.path("serviceItems.facets.channels[*].count")
			.entityList(Integer.class)
			.satisfies((counts) -> assertThat(counts).isNotEmpty().allMatch((c) -> c > 0 && c <= total));
		response.path("serviceItems.facets.channels[0].channel").entity(String.class).satisfies(
				(channel) -> assertThat(channel).isIn("MOBILE", "WEB", "COUNTER", "VIDEO"));
	}

	@Test
	void guideTextIsSearchedWhenNoNameAliasOrKeywordCarriesTheWords() {
		// 近期免冠彩色照片 is only ever a material
		GraphQlTester.Response response = search("近期免冠彩色", null, null, 5);
		response.path("serviceItems.totalCount").entity(Integer.class).satisfies((total) -> assertThat(total).isPositive());
		response.path("serviceItems.edges").entityList(Object.class).hasSizeGreaterThan(0);
	}

	@Test
	void aNamedMatchOutranksEveryGuideTextMatch() {
		// 身份证 is a material of most items; the items named after it come first, and guide-text-only
		// matches of the other 2,000 items are below the relevance floor
		int named = (int) SeedCatalog.basicItems(null,
				(item) -> String.valueOf(item.get("name")).contains("身份证"));
		search("身份证", null, null, 50).path("serviceItems.edges[*].node.name")
			.entityList(String.class)
			.satisfies((names) -> {
				assertThat(names).hasSizeGreaterThanOrEqualTo(named).hasSizeLessThan(20);
				assertThat(names.subList(0, named)).allMatch((name) -> name.contains("身份证"));
			});
	}

	@Test
	void facetsFollowTheFilters() {
		GraphQlTester.Response response = search(null, null, Map.of("department", "GJJ"), 1);
		response.path("serviceItems.facets.departments[*].department.code").entityList(String.class).containsExactly("GJJ");
		int total = response.path("serviceItems.totalCount").entity(Integer.class).get();
		response.path("serviceItems.facets.departments[0].count").entity(Integer.class).isEqualTo(total);
	}

	@ParameterizedTest
	@CsvSource({ "370285", "370212", "370200" })
	void theResidentsRegionComesFirst(String near) {
		search("居民身份证换领", near, null, 3).path("serviceItems.edges[0].node.region.code")
			.entity(String.class)
			.isEqualTo(near.equals("370200") ? firstRegionWithoutBoost() : near);
	}

	private String firstRegionWithoutBoost() {
		// 居民身份证换领 is implemented by districts only: without a local implementation the most
		// populous district's (the most used) comes first
		return search("居民身份证换领", null, null, 1).path("serviceItems.edges[0].node.region.code")
			.entity(String.class)
			.get();
	}

	@Test
	void unknownNearRegionIsABadRequest() {
		this.graphQl.document(SEARCH).variable("q", "身份证").variable("near", "999999").execute().errors().satisfy(
				(errors) -> assertThat(errors).singleElement().satisfies((error) -> assertThat(error.getExtensions())
					.containsEntry("code", "UNKNOWN_REFERENCE")
					.containsEntry("field", "near")));
	}

	@Test
	void filtersStillApplyToSearches() {
		GraphQlTester.Response response = search("身份证", null, Map.of("region", "370202", "channel", "MOBILE"), 50);
		response.path("serviceItems.edges[*].node.region.code")
			.entityList(String.class)
			.satisfies((regions) -> assertThat(regions).isNotEmpty().containsOnly("370202"));
	}

	@Test
	void matchedWordsAreMarkedInTheName() {
		List<Map<String, Object>> segments = firstHighlight("户口迁入");
		assertThat(segments.get(0)).isEqualTo(Map.of("text", "户口迁入", "matched", true));
		assertThat(segments).anyMatch((segment) -> Boolean.FALSE.equals(segment.get("matched")));
		assertThat(segments.stream().map((segment) -> (String) segment.get("text")).reduce("", String::concat))
			.startsWith("户口迁入（");
	}

	@Test
	void pinyinMatchesAreMarkedToo() {
		assertThat(matchedText(firstHighlight("gjj"))).contains("公积金");
		assertThat(matchedText(firstHighlight("shenfenzheng"))).contains("身份证");
	}

	private static String matchedText(List<Map<String, Object>> segments) {
		return segments.stream()
			.filter((segment) -> Boolean.TRUE.equals(segment.get("matched")))
			.map((segment) -> (String) segment.get("text"))
			.reduce("", String::concat);
	}

	@Test
	void listingWithoutQueryHasNoScoreAndPlainNames() {
		GraphQlTester.Response response = search(null, null, null, 1);
		response.path("serviceItems.edges[0].score").valueIsNull();
		response.path("serviceItems.edges[0].nameHighlight[0].matched").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void scoresDescend() {
		search("公积金提取", null, null, 20).path("serviceItems.edges[*].score")
			.entityList(Double.class)
			.satisfies((scores) -> assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a)));
	}

	@Test
	void suggestionsCompleteChineseAndPinyin() {
		suggestions("身份", 3).satisfies((texts) -> assertThat(texts).hasSize(3).allMatch((t) -> t.contains("身份")));
		suggestions("gj", 10).satisfies((texts) -> assertThat(texts).anyMatch((t) -> t.startsWith("住房公积金")));
		suggestions("zhufang", 5).satisfies((texts) -> assertThat(texts).isNotEmpty().allMatch((t) -> t.startsWith("住房")));
		suggestions("婚", 10).satisfies((texts) -> assertThat(texts).contains("内地居民结婚登记"));
		suggestions("   ", 10).satisfies((texts) -> assertThat(texts).isEmpty());
		suggestions("zzzzqqq", 10).satisfies((texts) -> assertThat(texts).isEmpty());
	}

	@Test
	void suggestionsAreDistinctNames() {
		suggestions("居民身份证", 20).satisfies((texts) -> assertThat(texts).doesNotHaveDuplicates());
	}

	@Test
	void suggestionInputIsBounded() {
		expectCode("{ searchSuggestions(prefix: \"" + "办".repeat(51) + "\") { text } }", "INVALID_ARGUMENT");
		expectCode("{ searchSuggestions(prefix: \"gj\", first: 21) { text } }", "INVALID_PAGE_SIZE");
		expectCode("{ searchSuggestions(prefix: \"gj\", first: 0) { text } }", "INVALID_PAGE_SIZE");
	}

	private GraphQlTester.EntityList<String> suggestions(String prefix, int first) {
		return this.graphQl.document("query($p: String!, $n: Int) { searchSuggestions(prefix: $p, first: $n) { text } }")
			.variable("p", prefix)
			.variable("n", first)
			.execute()
			.path("searchSuggestions[*].text")
			.entityList(String.class);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> firstHighlight(String query) {
		return search(query, null, null, 1).path("serviceItems.edges[0].nameHighlight")
			.entity(List.class)
			.get();
	}

	private GraphQlTester.Response search(String query, String near, Map<String, Object> filter, int first) {
		return this.graphQl.document(SEARCH)
			.variable("q", query)
			.variable("near", near)
			.variable("filter", filter)
			.variable("first", first)
			.execute();
	}

	private void expectCode(String document, String code) {
		onlyError(this.graphQl.document(document).execute(), code);
	}

}
