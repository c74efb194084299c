package cn.tongban.catalog;

import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.ShiftedTime;
import cn.tongban.support.Tokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** 长辈版 and accessibility: a preference the app reads, screen-reader text on items and bundles. */
@GraphQlIntegrationTest
@TestPropertySource(properties = { "tongban.mongodb.embedded.database=applications", "tongban.application.follow-up-interval=1h" })
@Import(ShiftedTime.class)
class ElderModeTests {

	@Autowired
	Tokens tokens;

	@Autowired
	HttpGraphQlTester anonymous;

	@Test
	void elderModeIsOffUntilTheResidentTurnsItOn() {
		GraphQlTester wang = this.tokens.as(this.tokens.resident("13800000003"));
		wang.document("{ myPreferences { elderMode updatedAt } }").execute()
			.path("myPreferences.elderMode").entity(Boolean.class).isEqualTo(false)
			.path("myPreferences.updatedAt").valueIsNull();
		wang.document("mutation { updateMyPreferences(input: {elderMode: true}) { preferences { elderMode updatedAt } } }")
			.execute()
			.path("updateMyPreferences.preferences.elderMode").entity(Boolean.class).isEqualTo(true);
		wang.document("{ myPreferences { elderMode } }").execute()
			.path("myPreferences.elderMode").entity(Boolean.class).isEqualTo(true);
		this.tokens.as(this.tokens.resident("13800000005")).document("{ myPreferences { elderMode } }").execute()
			.path("myPreferences.elderMode").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void theMostUsedItemsHavePlainStepsAndTheRestFallBack() {
		GraphQlTester.Response response = this.anonymous.document("{ idCard: serviceItem(code: \"370202QR0010002000\") "
				+ "{ plainSteps process } rare: serviceItem(code: \"370200XK0180002000\") { plainSteps process } }").execute();
		response.path("idCard.plainSteps").entityList(String.class)
			.satisfies((steps) -> assertThat(steps).hasSizeBetween(2, 6)
				.allSatisfy((step) -> assertThat(step).hasSizeLessThanOrEqualTo(30).endsWith("。"))
				.anySatisfy((step) -> assertThat(step).contains("20元")));
		response.path("rare.plainSteps").entityList(String.class).hasSize(0);
		response.path("rare.process").entityList(String.class).satisfies((steps) -> assertThat(steps).isNotEmpty());
	}

	@Test
	void itemsAndBundlesCarryScreenReaderText() {
		GraphQlTester.Response response = this.anonymous
			.document("{ serviceItem(code: \"370202GG0030002000\") { accessibilityLabel } bundles { code accessibilityLabel } }")
			.execute();
		response.path("serviceItem.accessibilityLabel").entity(String.class)
			.satisfies((label) -> assertThat(label).startsWith("异地就医备案。由").contains("办理。"));
		response.path("bundles[?(@.code == 'NEWBORN')].accessibilityLabel").entityList(String.class)
			.satisfies((labels) -> assertThat(labels.get(0)).startsWith("新生儿出生一件事。一件事").contains("4个事项"));
	}

}
