package cn.tongban.hall;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import cn.tongban.platform.ChinaTime;
import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.ShiftedClock;
import cn.tongban.support.ShiftedTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static cn.tongban.support.GraphQlErrors.firstError;
import static org.assertj.core.api.Assertions.assertThat;

/** 就近办 through GraphQL: nearest first, by item, open now on a moved clock, and the guide's 办理地点. */
@GraphQlIntegrationTest
@TestPropertySource(properties = { "tongban.mongodb.embedded.database=applications", "tongban.application.follow-up-interval=1h" })
@Import(ShiftedTime.class)
class HallTests {

	static final String NEAR = """
			query($near: GeoPointInput, $item: ID, $open: Boolean, $first: Int) {
			  serviceHalls(near: $near, item: $item, openNow: $open, first: $first) {
			    totalCount
			    edges { distanceMeters node { code name level openNow nextOpening region { code } address location { lat lng }
			      openingHours { days opens closes note } windowGroups { code slotCapacity } } }
			  }
			}""";

	/** Near 李沧区's 李村 street centre. */
	static final Map<String, Object> LICUN = Map.of("lat", 36.1475, "lng", 120.4345);

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	ShiftedClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void hallsComeNearestFirstWithTheirDistance() {
		var response = this.graphQl.document(NEAR).variable("near", LICUN).variable("first", 48).execute();
		List<Integer> distances = response.path("serviceHalls.edges[*].distanceMeters").entityList(Integer.class).get();
		assertThat(distances).hasSize(48).isSorted();
		assertThat(distances.get(0)).isLessThan(1_000);
		response.path("serviceHalls.totalCount").entity(Integer.class).isEqualTo(48);
		response.path("serviceHalls.edges[0].node.region.code").entity(String.class).isEqualTo("370213");
		response.path("serviceHalls.edges[0].node.openingHours[0].opens").entity(String.class).isEqualTo("09:00");
		// without a point: no distance, the city's centre first
		this.graphQl.document(NEAR).variable("first", 2).execute()
			.path("serviceHalls.edges[0].node.code").entity(String.class).isEqualTo("370200-C")
			.path("serviceHalls.edges[0].distanceMeters").valueIsNull();
	}

	@Test
	void anItemIsHandledInItsRegionsHallsThatListItAndTheGuideSaysWhere() {
		// 李沧区's implementation of a social-insurance item: the district centre, its street centres and stations that list it
		String item = this.graphQl.document("{ serviceItems(filter: {region: \"370213\", department: \"RS\", channel: COUNTER}, everyImplementation: true, first: 1) { nodes { code } } }")
			.execute()
			.path("serviceItems.nodes[0].code")
			.entity(String.class)
			.get();
		List<String> codes = this.graphQl.document(NEAR).variable("item", item).variable("near", LICUN).variable("first", 50).execute()
			.path("serviceHalls.edges[*].node.code").entityList(String.class).get();
		assertThat(codes).isNotEmpty().allSatisfy((code) -> assertThat(code).startsWith("370213-"));
		assertThat(codes).contains("370213-C");
		this.graphQl.document("query($c: ID!, $near: GeoPointInput) { serviceItem(code: $c) { serviceHalls(near: $near, first: 3) { code address openingHours { opens closes } } } }")
			.variable("c", item).variable("near", LICUN).execute()
			.path("serviceItem.serviceHalls[*].code").entityList(String.class).hasSize(3).contains(codes.get(0));
		firstError(this.graphQl.document(NEAR).variable("item", "370213XX9999999000").execute(), "ITEM_NOT_FOUND", "item");
	}

	@Test
	void openNowFollowsTheClockInChinaTime() {
		// next Monday 10:00 China time: every hall is open; 12:30 (lunch): none is
		LocalDate monday = LocalDate.now(ChinaTime.ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
		shiftTo(monday.atTime(10, 0));
		this.graphQl.document(NEAR).variable("open", false).execute().path("serviceHalls.totalCount").entity(Integer.class).isEqualTo(0);
		shiftTo(monday.atTime(12, 30));
		this.graphQl.document(NEAR).variable("open", true).execute().path("serviceHalls.totalCount").entity(Integer.class).isEqualTo(0);
		this.graphQl.document("{ serviceHall(code: \"370213-C\") { openNow nextOpening } }").execute()
			.path("serviceHall.openNow").entity(Boolean.class).isEqualTo(false)
			.path("serviceHall.nextOpening").entity(String.class).isEqualTo(monday + "T13:30:00+08:00");
		// Saturday morning: only the centres (延时服务)
		shiftTo(monday.plusDays(5).atTime(10, 0));
		assertThat(this.graphQl.document(NEAR).variable("open", true).variable("first", 50).execute()
			.path("serviceHalls.edges[*].node.level").entityList(String.class).get())
			.hasSize(11)
			.containsOnly("GOVERNMENT_SERVICE_CENTRE");
	}

	@Test
	void aPointOutsideChinaIsABadRequest() {
		firstError(this.graphQl.document(NEAR).variable("near", Map.of("lat", 120.43, "lng", 36.14)).execute(), "VALIDATION_FAILED", "near.lat");
		this.graphQl.document("{ serviceHall(code: \"nope\") { code } }").execute().path("serviceHall").valueIsNull();
	}

	private void shiftTo(LocalDateTime chinaTime) {
		this.clock.reset();
		this.clock.shift(Duration.between(this.clock.instant(), chinaTime.atZone(ChinaTime.ZONE).toInstant()));
	}

}
