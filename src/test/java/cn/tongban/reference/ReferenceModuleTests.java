package cn.tongban.reference;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.PlatformError;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The reference module alone (a Spring Modulith slice): only its own beans and the platform's, its
 * seeds, and its GraphQL fields. No catalogue, no identity: the tokens would come from an external
 * issuer, and the queries here need none.
 */
@ApplicationModuleTest(extraIncludes = "platform")
@AutoConfigureMockMvc
@AutoConfigureHttpGraphQlTester
@ActiveProfiles("test")
@TestPropertySource(properties = { "tongban.security.issuer-uri=http://127.0.0.1:9/not-called",
		"tongban.mongodb.embedded.database=reference" })
class ReferenceModuleTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	References references;

	@Autowired
	ApplicationContext context;

	@Test
	void onlyThisModuleAndThePlatformAreStarted() {
		Set<String> modules = new TreeSet<>();
		for (String name : this.context.getBeanDefinitionNames()) {
			Class<?> type = this.context.getType(name);
			if (type != null && type.getPackageName().startsWith("cn.tongban.")) {
				modules.add(type.getPackageName().split("\\.")[2]);
			}
		}
		assertThat(modules).containsExactlyInAnyOrder("platform", "reference");
	}

	@Test
	void servesTheSeededDepartmentsRegionsAndLifeEvents() {
		HttpGraphQlTester.Response response = this.graphQl
			.document("{ departments { code } regions { code level parent { code } } lifeEvents { code audience } }")
			.execute();
		response.path("departments[*].code").entityList(String.class).hasSize(24).contains("GA", "MZ");
		response.path("regions[*].code").entityList(String.class).hasSize(11).contains("370200", "370202");
		response.path("regions[?(@.code == '370202')].parent.code").entityList(String.class).containsExactly("370200");
		response.path("regions[?(@.code == '370200')].level").entityList(String.class).containsExactly("CITY");
		response.path("lifeEvents[*].audience").entityList(String.class).contains("NATURAL_PERSON", "LEGAL_PERSON");
	}

	@Test
	void theCityIsTheOneRegionAtCityLevel() {
		assertThat(this.references.city().code()).isEqualTo("370200");
		assertThat(this.references.region("370202").parentCode()).isEqualTo("370200");
	}

	@Test
	void aCodeThatNamesNothingReadsAsNullOrIsRefusedOnTheCallersField() {
		assertThat(this.references.department("ZZ")).isNull();
		assertThat(this.references.departmentsByCode(List.of("GA", "ZZ"))).containsOnlyKeys("GA");
		ApiException refused = catchThrowableOfType(ApiException.class,
				() -> this.references.requireRegion("110101", "input.region"));
		assertThat(refused.code()).isEqualTo(PlatformError.UNKNOWN_REFERENCE);
		assertThat(refused.field()).isEqualTo("input.region");
		assertThat(this.references.requireLifeEvent("BIRTH", "filter.lifeEvent").code()).isEqualTo("BIRTH");
	}

}
