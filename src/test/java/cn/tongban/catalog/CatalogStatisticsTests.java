package cn.tongban.catalog;

import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.Tokens;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * KPIs over a four-item fixture catalogue whose figures are worked out by hand:
 * 甲 mobile+counter, 0 visits, 20/10 days, 1 of 1 materials by certificate;
 * 乙 mobile, 0 visits, 10/5 days, 1 of 2 materials by certificate;
 * 丙 counter, 1 visit, 5/5 days, no material by certificate; 丁 web+mobile, 1 visit, 1/1 day, no materials.
 */
@GraphQlIntegrationTest
@TestPropertySource(properties = "tongban.seed.locations=classpath:fixtures/kpi-catalog/,classpath:seeds/dev/,classpath:seeds/")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogStatisticsTests {

	private static final String STATISTICS = """
			query($region: ID) {
			  catalogStatistics(region: $region) {
			    regionCode activeItemCount
			    mobileHandleableRate { numerator denominator value target targetMet }
			    certificateCoverageRate { numerator denominator value target targetMet }
			    zeroVisitRate { numerator denominator value target targetMet }
			    averageLegalTimeLimitDays averagePromisedTimeLimitDays timeLimitReductionRate
			  }
			}""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Tokens tokens;

	@Test
	@Order(1)
	void figuresMatchTheHandComputedValues() {
		GraphQlTester.Response response = this.graphQl.document(STATISTICS).execute();
		response.path("catalogStatistics.activeItemCount").entity(Integer.class).isEqualTo(4);
		rate(response, "mobileHandleableRate", 3, 4, 0.75);
		response.path("catalogStatistics.mobileHandleableRate.target").entity(Double.class).isEqualTo(0.95);
		response.path("catalogStatistics.mobileHandleableRate.targetMet").entity(Boolean.class).isEqualTo(false);
		rate(response, "certificateCoverageRate", 2, 3, 2.0 / 3);
		response.path("catalogStatistics.certificateCoverageRate.targetMet").entity(Boolean.class).isEqualTo(false);
		rate(response, "zeroVisitRate", 2, 4, 0.5);
		response.path("catalogStatistics.zeroVisitRate.target").valueIsNull();
		response.path("catalogStatistics.zeroVisitRate.targetMet").valueIsNull();
		number(response, "averageLegalTimeLimitDays", 36.0 / 4);
		number(response, "averagePromisedTimeLimitDays", 21.0 / 4);
		number(response, "timeLimitReductionRate", 1 - (21.0 / 4) / (36.0 / 4));
	}

	@Test
	@Order(2)
	void aRegionWithoutItemsHasZeroRatesNotErrors() {
		GraphQlTester.Response response = this.graphQl.document(STATISTICS).variable("region", "370202").execute();
		response.path("catalogStatistics.regionCode").entity(String.class).isEqualTo("370202");
		response.path("catalogStatistics.activeItemCount").entity(Integer.class).isEqualTo(0);
		rate(response, "mobileHandleableRate", 0, 0, 0);
		number(response, "timeLimitReductionRate", 0);
	}

	@Test
	@Order(3)
	void unknownRegionIsABadRequest() {
		this.graphQl.document(STATISTICS).variable("region", "999999").execute().errors().satisfy((errors) ->
				assertThat(errors).singleElement()
					.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "UNKNOWN_REFERENCE")));
	}

	@Test
	@Order(4)
	void retiredItemsLeaveTheFigures() {
		this.tokens.as(this.tokens.admin()).document("""
				mutation { retireServiceItem(input: {code: "370200QT0990004000", reason: "并入其他事项"}) {
				  serviceItem { status } } }""").execute().path("retireServiceItem.serviceItem.status")
			.entity(String.class)
			.isEqualTo("RETIRED");
		GraphQlTester.Response response = this.graphQl.document(STATISTICS).execute();
		response.path("catalogStatistics.activeItemCount").entity(Integer.class).isEqualTo(3);
		rate(response, "mobileHandleableRate", 2, 3, 2.0 / 3);
		rate(response, "certificateCoverageRate", 2, 3, 2.0 / 3);
		rate(response, "zeroVisitRate", 2, 3, 2.0 / 3);
		number(response, "averageLegalTimeLimitDays", 35.0 / 3);
		number(response, "averagePromisedTimeLimitDays", 20.0 / 3);
	}

	private static void rate(GraphQlTester.Response response, String name, int numerator, int denominator,
			double value) {
		response.path("catalogStatistics." + name + ".numerator").entity(Integer.class).isEqualTo(numerator);
		response.path("catalogStatistics." + name + ".denominator").entity(Integer.class).isEqualTo(denominator);
		number(response, name + ".value", value);
	}

	private static void number(GraphQlTester.Response response, String path, double expected) {
		response.path("catalogStatistics." + path)
			.entity(Double.class)
			.satisfies((actual) -> assertThat(actual).isCloseTo(expected, within(1e-9)));
	}

}
