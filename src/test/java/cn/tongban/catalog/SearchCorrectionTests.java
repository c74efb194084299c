package cn.tongban.catalog;

import java.util.List;
import java.util.Map;

import cn.tongban.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search as residents type on a phone: one result per basic item (三级四同), homophone typos
 * corrected, and no dead ends when nothing matches.
 */
@GraphQlIntegrationTest
class SearchCorrectionTests {

	private static final String SEARCH = """
			query($q: String, $near: ID, $filter: ServiceItemFilter, $every: Boolean, $first: Int) {
			  serviceItems(query: $q, near: $near, filter: $filter, everyImplementation: $every, first: $first) {
			    totalCount
			    correctedQuery
			    edges { score node { code basicCode name region { code } implementations { code region { code } } } }
			    facets { departments { count } }
			    noResults { didYouMean relatedLifeEvents { code } hotItems { code channels } }
			  }
			}""";

	@Autowired
	HttpGraphQlTester graphQl;

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({
			// same syllables, other characters
			"身分证, 身份证, 身份证", "身份正, 身份证, 身份证", "身分证丢了, 身份证丢了, 居民身份证补领", "公积今, 公积金, 公积金",
			"公鸡金, 公积金, 公积金", "营业执找, 营业执照, 营业执照", "营业执招, 营业执照, 营业执照", "社宝卡, 社保卡, 社会保障卡",
			"医宝, 医保, 医保", "结婚正, 结婚证, 结婚", "驾使证, 驾驶证, 驾驶证", "护造, 护照, 护照", "出生正明, 出生证明, 出生医学证明",
			"残疾人正, 残疾人证, 残疾人证", "房产正, 房产证, 不动产权证书", "居住正, 居住证, 居住证", "港澳通行正, 港澳通行证, 港澳通行证",
			"行驶正, 行驶证, 行驶证", "新声儿, 新生儿, 新生儿", "低宝, 低保, 最低生活保障", "医聊保险, 医疗保险, 医疗保险",
			"公组房, 公租房, 公共租赁住房", "异地就衣, 异地就医, 异地就医", "户口笨, 户口本, 户口", "一包, 医保, 医保",
			"食品经营许可正, 食品经营许可证, 食品经营许可证",
			// near homophones: zh/z, sh/s, ing/in folded
			"生份证, 身份证, 身份证", "公积京, 公积金, 公积金", "色保, 社保, 社会保障卡" })
	void homophoneTyposFindWhatWasMeant(String typed, String corrected, String expectedInName) {
		GraphQlTester.Response response = search(typed, null, null, null, 5);
		response.path("serviceItems.correctedQuery").entity(String.class).isEqualTo(corrected);
		response.path("serviceItems.edges[*].node.name")
			.entityList(String.class)
			.satisfies((names) -> assertThat(names.subList(0, Math.min(3, names.size())))
				.anyMatch((name) -> name.contains(expectedInName)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "身份证", "公积金", "社保", "营业执照", "出生" })
	void wordsTheCatalogueKnowsAreNotCorrected(String typed) {
		search(typed, null, null, null, 5).path("serviceItems.correctedQuery").valueIsNull();
	}

	@Test
	void aCorrectedMatchRanksBelowTheSameMatchTypedRight() {
		double typedRight = topScore(search("身份证换领", null, null, null, 1));
		double corrected = topScore(search("身分证换领", null, null, null, 1));
		assertThat(corrected).isPositive().isLessThan(typedRight);
	}

	@ParameterizedTest
	@ValueSource(strings = { "社保", "医保", "公积金", "身份证", "结婚", "出生", "驾驶证", "不动产", "养老", "营业执照" })
	void onePagesResultsNeverShareABasicItem(String query) {
		GraphQlTester.Response response = search(query, null, null, null, 20);
		List<String> basicCodes = response.path("serviceItems.edges[*].node.basicCode").entityList(String.class).get();
		assertThat(basicCodes).isNotEmpty().doesNotHaveDuplicates();
		response.path("serviceItems.totalCount").entity(Integer.class).satisfies((total) -> {
			assertThat(total).isGreaterThanOrEqualTo(basicCodes.size());
			// facets count basic items too: one department per basic item
			int facetTotal = response.path("serviceItems.facets.departments[*].count").entityList(Integer.class).get()
				.stream().mapToInt(Integer::intValue).sum();
			assertThat(facetTotal).isEqualTo(total);
		});
	}

	@Test
	void everyImplementationListsEachRegionsOwn() {
		List<String> collapsed = basicCodes(search("社会保障卡启用", null, null, false, 20));
		List<String> every = basicCodes(search("社会保障卡启用", null, null, true, 20));
		assertThat(collapsed).containsOnlyOnce("GG0020003000");
		assertThat(every.stream().filter("GG0020003000"::equals).count()).isEqualTo(11);
	}

	@ParameterizedTest
	@CsvSource({ "370212, 370212", "370285, 370285", ", 370200" })
	void theShownImplementationIsTheResidentsRegionsElseTheCitys(String near, String shownRegion) {
		// 社会保障卡启用 is implemented by the city and every district
		GraphQlTester.Response response = search("社会保障卡启用", near, null, null, 1);
		response.path("serviceItems.edges[0].node.region.code").entity(String.class).isEqualTo(shownRegion);
		response.path("serviceItems.edges[0].node.implementations[*].region.code")
			.entityList(String.class)
			.satisfies((regions) -> assertThat(regions).hasSize(11).startsWith("370200").contains(shownRegion));
	}

	@ParameterizedTest
	@ValueSource(strings = { "招聘", "量子计算", "火星移民", "彩票兑奖", "宠物美容", "xyzzy" })
	void nothingFoundOffersHotItemsInstead(String query) {
		GraphQlTester.Response response = search(query, null, null, null, 5);
		response.path("serviceItems.totalCount").entity(Integer.class).isEqualTo(0);
		response.path("serviceItems.noResults.didYouMean").valueIsNull();
		response.path("serviceItems.noResults.hotItems[*].channels")
			.entityList(List.class)
			.satisfies((channels) -> assertThat(channels).hasSize(CatalogService.NO_RESULT_HOT_ITEMS)
				.allMatch((c) -> c.contains("MOBILE")));
	}

	@ParameterizedTest
	@CsvSource({ "就业招聘会门票, WORK", "养老院排名, ELDERLY", "出行攻略, TRAVEL" })
	void nothingFoundOffersTheLifeEventsTheWordsPointTo(String query, String lifeEvent) {
		GraphQlTester.Response response = search(query, null, null, null, 5);
		response.path("serviceItems.totalCount").entity(Integer.class).isEqualTo(0);
		response.path("serviceItems.noResults.relatedLifeEvents[*].code").entityList(String.class).contains(lifeEvent);
	}

	@Test
	void nothingFoundUnderAFilterStillSaysWhatWasMeant() {
		// no 港澳通行证 item in the 公积金 centre: the correction is still offered
		GraphQlTester.Response response = search("港澳通行正", null, Map.of("department", "GJJ"), null, 5);
		response.path("serviceItems.totalCount").entity(Integer.class).isEqualTo(0);
		response.path("serviceItems.noResults.didYouMean").entity(String.class).isEqualTo("港澳通行证");
	}

	@Test
	void resultsComeWithoutNoResults() {
		search("公积金", null, null, null, 1).path("serviceItems.noResults").valueIsNull();
	}

	private GraphQlTester.Response search(String query, String near, Map<String, Object> filter, Boolean every,
			Integer first) {
		return this.graphQl.document(SEARCH)
			.variable("q", query)
			.variable("near", near)
			.variable("filter", filter)
			.variable("every", every)
			.variable("first", first)
			.execute();
	}

	private static List<String> basicCodes(GraphQlTester.Response response) {
		return response.path("serviceItems.edges[*].node.basicCode").entityList(String.class).get();
	}

	private double topScore(GraphQlTester.Response response) {
		return response.path("serviceItems.edges[0].score").entity(Double.class).get();
	}

}
