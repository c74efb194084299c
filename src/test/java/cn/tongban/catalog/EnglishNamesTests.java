package cn.tongban.catalog;

import java.io.InputStream;

import cn.tongban.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names in the caller's language: departments, regions, life events, service items, certificate
 * types, bundles and scan scenarios are English with {@code Accept-Language: en} (the seeds carry
 * every English name), Chinese otherwise.
 */
@GraphQlIntegrationTest
class EnglishNamesTests {

	private static final String NAMES = """
			{
			  departments { code name }
			  regions { code name }
			  lifeEvents { code name }
			  certificateTypes { code name }
			  bundles { code name }
			  codeScenarios { code name }
			  serviceItem(code: "370202QR0010006000") { name department { name } region { name } lifeEvents { name } }
			}""";

	@Autowired
	HttpGraphQlTester graphQl;

	private GraphQlTester.Response names(String acceptLanguage) {
		HttpGraphQlTester tester = (acceptLanguage != null)
				? this.graphQl.mutate().header("Accept-Language", acceptLanguage).build() : this.graphQl;
		return tester.document(NAMES).execute();
	}

	@Test
	void englishIsServedToACallerWhoPrefersIt() {
		GraphQlTester.Response english = names("en-GB,en;q=0.9,zh;q=0.5");
		english.path("departments[?(@.code == 'GA')].name").entityList(String.class)
			.containsExactly("Qingdao Public Security Bureau");
		english.path("regions[?(@.code == '370202')].name").entityList(String.class).containsExactly("Shinan District");
		english.path("lifeEvents[?(@.code == 'BIRTH')].name").entityList(String.class).containsExactly("Birth");
		english.path("certificateTypes[?(@.code == 'GA-001')].name").entityList(String.class)
			.containsExactly("Resident identity card");
		english.path("bundles[?(@.code == 'NEWBORN')].name").entityList(String.class)
			.containsExactly("Newborn: one application");
		english.path("codeScenarios[?(@.code == 'BUS')].name").entityList(String.class).containsExactly("Ride the bus");
		english.path("serviceItem.name").entity(String.class).isEqualTo("Birth registration");
		english.path("serviceItem.department.name").entity(String.class).isEqualTo("Qingdao Public Security Bureau");
		english.path("serviceItem.region.name").entity(String.class).isEqualTo("Shinan District");
		english.path("serviceItem.lifeEvents[*].name").entityList(String.class).contains("Birth");
	}

	@Test
	void everySeededNameHasItsEnglishOne() {
		GraphQlTester.Response english = names("en");
		for (String list : new String[] { "departments", "regions", "lifeEvents", "certificateTypes", "bundles",
				"codeScenarios" }) {
			english.path(list + "[*].name").entityList(String.class).satisfies((names) -> names
				.forEach((name) -> assertThat(name).as(list).doesNotContainPattern("\\p{IsHan}")));
		}
	}

	@Test
	void everyBaseItemInTheSeedsHasAnEnglishName() throws Exception {
		try (InputStream seed = new ClassPathResource("seeds/catalog/service-items.json").getInputStream()) {
			JsonNode items = JsonMapper.builder().build().readTree(seed);
			assertThat(items.size()).isGreaterThan(300);
			items.forEach((item) -> assertThat(item.path("nameEn").asString("")).as(item.path("name").asString())
				.isNotBlank()
				.doesNotContainPattern("\\p{IsHan}"));
		}
	}

	@Test
	void chineseIsTheDefaultAndForAnyOtherLanguage() {
		for (String acceptLanguage : new String[] { null, "zh-CN", "fr-FR", "not a language tag" }) {
			GraphQlTester.Response chinese = names(acceptLanguage);
			chinese.path("departments[?(@.code == 'GA')].name").entityList(String.class).containsExactly("青岛市公安局");
			chinese.path("serviceItem.name").entity(String.class).isEqualTo("出生登记");
			chinese.path("bundles[?(@.code == 'NEWBORN')].name").entityList(String.class).containsExactly("新生儿出生一件事");
		}
	}

	@Test
	void searchResultsAreNamedInEnglishToo() {
		this.graphQl.mutate()
			.header("Accept-Language", "en")
			.build()
			.document("{ serviceItems(query: \"出生登记\", first: 1) { nodes { name } } }")
			.execute()
			.path("serviceItems.nodes[0].name")
			.entity(String.class)
			.isEqualTo("Birth registration");
	}

}
