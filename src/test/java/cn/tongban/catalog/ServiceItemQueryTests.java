package cn.tongban.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.SeedCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static cn.tongban.support.SeedCatalog.basicItems;
import static cn.tongban.support.SeedCatalog.has;
import static cn.tongban.support.SeedCatalog.implementations;
import static org.assertj.core.api.Assertions.assertThat;

@GraphQlIntegrationTest
class ServiceItemQueryTests {

	private static final String COUNT = """
			query($query: String, $filter: ServiceItemFilter, $every: Boolean) {
			  serviceItems(query: $query, filter: $filter, everyImplementation: $every, first: 1) { totalCount }
			}""";

	private static final String PAGE = """
			query($filter: ServiceItemFilter, $first: Int, $after: String) {
			  serviceItems(filter: $filter, first: $first, after: $after) {
			    totalCount
			    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
			    edges { cursor node { code popularity } }
			  }
			}""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void catalogueHoldsEveryImplementationOfTheSeedItems() {
		long expected = implementations(null, (item) -> true);
		assertThat(expected).isGreaterThanOrEqualTo(2700);
		assertThat(SeedCatalog.baseItems()).hasSizeGreaterThanOrEqualTo(300);
		count(null, null, true).isEqualTo((int) expected);
		// by default one result per basic item (三级四同)
		count(null, null).isEqualTo(SeedCatalog.baseItems().size());
	}

	static Stream<Arguments> filters() {
		return Stream.of(
				Arguments.of(Map.of("department", "GA"), null, has("departmentCode", "GA")),
				Arguments.of(Map.of("department", "GJJ", "region", "370200"), "370200", has("departmentCode", "GJJ")),
				Arguments.of(Map.of("region", "370202"), "370202", (Predicate<Map<String, Object>>) (i) -> true),
				Arguments.of(Map.of("target", "LEGAL_PERSON"), null, has("targets", "LEGAL_PERSON")),
				Arguments.of(Map.of("lifeEvent", "BIRTH"), null, has("lifeEvents", "BIRTH")),
				Arguments.of(Map.of("channel", "MOBILE", "region", "370211"), "370211", has("channels", "MOBILE")),
				Arguments.of(Map.of("serviceMode", "NO_APPLICATION"), null, has("serviceModes", "NO_APPLICATION")),
				Arguments.of(Map.of("type", "BENEFIT"), null, has("type", "BENEFIT")),
				Arguments.of(Map.of("codeEnabled", false), null, has("codeEnabled", false)),
				Arguments.of(Map.of("department", "RS", "lifeEvent", "RETIREMENT", "target", "NATURAL_PERSON"), null,
						has("departmentCode", "RS").and(has("lifeEvents", "RETIREMENT"))
							.and(has("targets", "NATURAL_PERSON"))),
				Arguments.of(Map.of("channel", "VIDEO"), null, has("channels", "VIDEO")));
	}

	@ParameterizedTest
	@MethodSource("filters")
	void filtersNarrowTheCatalogue(Map<String, Object> filter, String region, Predicate<Map<String, Object>> matching) {
		count(null, filter, true).isEqualTo((int) implementations(region, matching));
		count(null, filter).isEqualTo((int) basicItems(region, matching));
	}

	@Test
	void itemsWhoseNameHoldsTheQueryComeFirst() {
		assertNameMatchesFirst("公积金", null);
		assertNameMatchesFirst("身份证", "370202");
		assertNameMatchesFirst("住房公积金提取（租房）", null);
	}

	@Test
	void lucenePunctuationAndOperatorsAreJustText() {
		count(".*", null).isEqualTo(0);
		count("(", null).isEqualTo(0);
		// a MongoDB operator is its letters: as many matches as the words "ne null" (fuzzy pinyin of 内 in
		// guide texts), not the whole catalogue an operator would select
		int asWords = count("ne null", null).get();
		count("{\"$ne\": null}", null).isEqualTo(asWords).satisfies((total) -> assertThat(total).isLessThan(10));
		count("身份证 AND NOT 补领", Map.of("region", "370202")).satisfies((total) -> assertThat(total).isPositive());
		// a field query with a wildcard would select everything; as text it finds what "title or 1 1" finds
		// (guide texts holding the digit 1, as in 1月1日)
		int titleAsWords = count("title or 1 1", null).get();
		count("title:* OR 1=1", null).isEqualTo(titleAsWords).satisfies((total) -> assertThat(total).isLessThan(10));
	}

	private void assertNameMatchesFirst(String query, String region) {
		long expected = basicItems(region, nameContains(query));
		assertThat(expected).isPositive().isLessThanOrEqualTo(100);
		List<String> names = this.graphQl
			.document("query($q: String, $f: ServiceItemFilter) { serviceItems(query: $q, filter: $f, first: 100) { nodes { name } } }")
			.variable("q", query)
			.variable("f", (region != null) ? Map.of("region", region) : null)
			.execute()
			.path("serviceItems.nodes[*].name")
			.entityList(String.class)
			.get();
		assertThat(names.subList(0, (int) expected)).allMatch((name) -> name.contains(query));
	}

	@Test
	void blankQueryMeansNoQuery() {
		count("   ", null).isEqualTo(SeedCatalog.baseItems().size());
	}

	@Test
	void queryLongerThanFiftyCharactersIsRefused() {
		this.graphQl.document(COUNT)
			.variable("query", "办".repeat(51))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
				assertThat(error.getExtensions()).containsEntry("code", "INVALID_ARGUMENT")
					.containsEntry("field", "query")
					.containsEntry("classification", "BAD_REQUEST");
			}));
	}

	@Test
	void pagesWalkTheWholeResultInPopularityOrder() {
		Map<String, Object> filter = Map.of("region", "370202");
		int expected = (int) implementations("370202", (item) -> true);
		List<String> codes = new ArrayList<>();
		List<Integer> popularity = new ArrayList<>();
		String after = null;
		int pages = 0;
		boolean hasNext = true;
		while (hasNext) {
			GraphQlTester.Response response = this.graphQl.document(PAGE)
				.variable("filter", filter)
				.variable("first", 100)
				.variable("after", after)
				.execute();
			response.path("serviceItems.totalCount").entity(Integer.class).isEqualTo(expected);
			response.path("serviceItems.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(pages > 0);
			codes.addAll(response.path("serviceItems.edges[*].node.code").entityList(String.class).get());
			popularity.addAll(response.path("serviceItems.edges[*].node.popularity").entityList(Integer.class).get());
			hasNext = response.path("serviceItems.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = response.path("serviceItems.pageInfo.endCursor").entity(String.class).get();
			pages++;
		}
		assertThat(pages).isEqualTo((expected + 99) / 100);
		assertThat(codes).hasSize(expected).doesNotHaveDuplicates().allMatch((code) -> code.startsWith("370202"));
		assertThat(popularity).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
	}

	@Test
	void aCursorPastTheEndGivesAnEmptyLastPage() {
		String beyond = cursor("o1:99999");
		GraphQlTester.Response response = this.graphQl.document(PAGE).variable("after", beyond).execute();
		response.path("serviceItems.edges").entityList(Object.class).hasSize(0);
		response.path("serviceItems.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		response.path("serviceItems.pageInfo.endCursor").valueIsNull();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, 101, 1000 })
	void pageSizeOutsideOneToHundredIsRefused(int first) {
		this.graphQl.document(PAGE).variable("first", first).execute().errors().satisfy((errors) ->
				assertThat(errors).singleElement().satisfies((error) -> {
					assertThat(error.getExtensions()).containsEntry("code", "INVALID_PAGE_SIZE")
						.containsEntry("field", "first");
					assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
				}));
	}

	@ParameterizedTest
	@ValueSource(strings = { "not-a-cursor", "bzE6LTU", "eDp5", "%%%" })
	void malformedCursorsAreRefused(String after) {
		this.graphQl.document(PAGE).variable("after", after).execute().errors().satisfy((errors) ->
				assertThat(errors).singleElement()
					.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "INVALID_CURSOR")));
	}

	@Test
	void firstPageHasDefaultSizeAndNoPreviousPage() {
		GraphQlTester.Response response = this.graphQl.document(PAGE).execute();
		response.path("serviceItems.edges").entityList(Object.class).hasSize(20);
		response.path("serviceItems.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
		response.path("serviceItems.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void unknownReferencesInFiltersAreBadRequests() {
		this.graphQl.document(COUNT)
			.variable("filter", Map.of("region", "110000"))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> assertThat(error.getExtensions())
				.containsEntry("code", "UNKNOWN_REFERENCE")
				.containsEntry("field", "filter.region")));
	}

	@Test
	void serviceItemShowsTheFullGuide() {
		String code = "370200" + baseCodeOf("住房公积金提取（租房）");
		GraphQlTester.Response response = this.graphQl.document("""
				query($code: ID!) {
				  serviceItem(code: $code) {
				    code name type level implementingAgency targets channels visitsRequired serviceModes
				    legalTimeLimitDays promisedTimeLimitDays acceptanceConditions legalBasis process status
				    department { code shortName } region { code name parent { code } }
				    lifeEvents { code name } fee { charged description }
				    materials { name form required copies replaceableByCertificate certificateType { code name } }
				  }
				}""").variable("code", code).execute();
		response.path("serviceItem.name").entity(String.class).isEqualTo("住房公积金提取（租房）");
		response.path("serviceItem.type").entity(String.class).isEqualTo("BENEFIT");
		response.path("serviceItem.implementingAgency").entity(String.class).isEqualTo("青岛市住房公积金管理中心");
		response.path("serviceItem.department.shortName").entity(String.class).isEqualTo("公积金");
		response.path("serviceItem.region.parent").valueIsNull();
		response.path("serviceItem.lifeEvents[0].name").entity(String.class).isEqualTo("置业");
		response.path("serviceItem.materials[0].certificateType.name").entity(String.class).isEqualTo("居民身份证");
		response.path("serviceItem.materials[1].replaceableByCertificate").entity(Boolean.class).isEqualTo(false);
		response.path("serviceItem.legalBasis[0]").entity(String.class).isEqualTo("《住房公积金管理条例》");
		response.path("serviceItem.status").entity(String.class).isEqualTo("ACTIVE");
	}

	@Test
	void districtImplementationsNameTheDistrictAgency() {
		String code = "370213" + baseCodeOf("失业保险金申领");
		this.graphQl.document("query($code: ID!) { serviceItem(code: $code) { implementingAgency region { name } } }")
			.variable("code", code)
			.execute()
			.path("serviceItem.implementingAgency")
			.entity(String.class)
			.isEqualTo("青岛市李沧区人力资源和社会保障局");
	}

	@Test
	void unknownItemIsNotFoundInTheRequestedLanguage() {
		String query = "query { serviceItem(code: \"370200XK0999999000\") { name } }";
		this.graphQl.document(query).execute().errors().satisfy((errors) -> assertThat(errors).singleElement()
			.satisfies((error) -> {
				assertThat(error.getExtensions()).containsEntry("code", "ITEM_NOT_FOUND");
				assertThat(error.getErrorType().toString()).isEqualTo("NOT_FOUND");
				assertThat(error.getMessage()).startsWith("未找到政务服务事项");
			}));
		this.graphQl.mutate().header("Accept-Language", "en").build().document(query).execute().errors().satisfy(
				(errors) -> assertThat(errors).singleElement()
					.satisfies((error) -> assertThat(error.getMessage()).isEqualTo("No service item with code 370200XK0999999000")));
	}

	@Test
	void hotItemsAreTheMostPopularMobileItems() {
		GraphQlTester.Response response = this.graphQl
			.document("{ hotServiceItems { name popularity channels } }")
			.execute();
		List<Integer> popularity = response.path("hotServiceItems[*].popularity").entityList(Integer.class).hasSize(10).get();
		assertThat(popularity).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
		response.path("hotServiceItems[*].channels").entityList(List.class)
			.satisfies((channels) -> assertThat(channels).allMatch((list) -> list.contains("MOBILE")));
		this.graphQl.document("{ hotServiceItems(first: 21) { name } }").execute().errors().satisfy((errors) ->
				assertThat(errors).singleElement()
					.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "INVALID_PAGE_SIZE")));
		this.graphQl.document("{ hotServiceItems(region: \"370285\", first: 5) { region { code } } }")
			.execute()
			.path("hotServiceItems[*].region.code")
			.entityList(String.class)
			.hasSize(5)
			.satisfies((codes) -> assertThat(codes).containsOnly("370285"));
	}

	@Test
	void referenceDataIsListed() {
		GraphQlTester.Response response = this.graphQl.document("""
				{ departments { code shortName } regions { code level parent { code } } lifeEvents { code audience }
				  certificateTypes { code name holderKind issuingDepartment { code } fields { key sensitive } } }""")
			.execute();
		response.path("departments").entityList(Object.class).hasSize(24);
		response.path("regions").entityList(Object.class).hasSize(11);
		response.path("regions[1].parent.code").entity(String.class).isEqualTo("370200");
		response.path("lifeEvents").entityList(Object.class).hasSize(15);
		response.path("certificateTypes").entityList(Object.class).hasSizeGreaterThan(30);
		response.path("certificateTypes[0].issuingDepartment.code").entity(String.class).isEqualTo("CL");
	}

	private GraphQlTester.Entity<Integer, ?> count(String query, Map<String, Object> filter) {
		return count(query, filter, null);
	}

	private GraphQlTester.Entity<Integer, ?> count(String query, Map<String, Object> filter, Boolean every) {
		return this.graphQl.document(COUNT)
			.variable("query", query)
			.variable("filter", filter)
			.variable("every", every)
			.execute()
			.path("serviceItems.totalCount")
			.entity(Integer.class);
	}

	private static Predicate<Map<String, Object>> nameContains(String text) {
		return (item) -> ((String) item.get("name")).contains(text);
	}

	static String baseCodeOf(String name) {
		return SeedCatalog.baseItems()
			.stream()
			.filter((item) -> name.equals(item.get("name")))
			.map((item) -> (String) item.get("basicCode"))
			.findFirst()
			.orElseThrow();
	}

	private static String cursor(String raw) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}


}
