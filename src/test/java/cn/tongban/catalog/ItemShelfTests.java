package cn.tongban.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.ShiftedTime;
import cn.tongban.support.Tokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static cn.tongban.support.GraphQlErrors.firstError;
import static org.assertj.core.api.Assertions.assertThat;

/** Favourites (收藏) and recent items (最近使用) through GraphQL. */
@GraphQlIntegrationTest
@TestPropertySource(properties = { "tongban.mongodb.embedded.database=applications", "tongban.application.follow-up-interval=1h" })
@Import(ShiftedTime.class)
class ItemShelfTests {

	static final String ADD = "mutation($c: ID!) { addFavouriteItem(input: {code: $c}) { favourites { code } } }";

	static final String REMOVE = "mutation($c: ID!) { removeFavouriteItem(input: {code: $c}) { favourites { code } } }";

	static final String REORDER = "mutation($c: [ID!]!) { reorderFavouriteItems(input: {codes: $c}) { favourites { code } } }";

	static final String A = "370202GG0030002000";

	static final String B = "370202JF0120001000";

	static final String C = "370200XK0010008000";

	@Autowired
	Tokens tokens;

	@Test
	void favouritesKeepTheirOrderHoldNoDuplicateAndChangeOnlyAsAsked() {
		GraphQlTester chen = this.tokens.as(this.tokens.resident("13800000005"));
		chen.document("{ myFavouriteItems { code } }").execute().path("myFavouriteItems").entityList(Object.class).hasSize(0);

		for (String code : List.of(A, B, C, A)) {
			chen.document(ADD).variable("c", code).execute();
		}
		chen.document("{ myFavouriteItems { code } }").execute()
			.path("myFavouriteItems[*].code").entityList(String.class).containsExactly(A, B, C);
		firstError(chen.document(ADD).variable("c", "370202XX9999999000").execute(), "ITEM_NOT_FOUND", "input.code");

		chen.document(REORDER).variable("c", List.of(C, A, B)).execute()
			.path("reorderFavouriteItems.favourites[*].code").entityList(String.class).containsExactly(C, A, B);
		firstError(chen.document(REORDER).variable("c", List.of(C, A)).execute(), "INVALID_ARGUMENT", "input.codes");
		firstError(chen.document(REORDER).variable("c", List.of(C, A, A)).execute(), "INVALID_ARGUMENT", "input.codes");

		chen.document(REMOVE).variable("c", A).execute()
			.path("removeFavouriteItem.favourites[*].code").entityList(String.class).containsExactly(C, B);
		// nobody else's favourites changed
		this.tokens.as(this.tokens.resident("13800000006")).document("{ myFavouriteItems { code } }").execute()
			.path("myFavouriteItems").entityList(Object.class).hasSize(0);
	}

	@Test
	void fiftyFavouritesAreTheLimit() {
		GraphQlTester sun = this.tokens.as(this.tokens.resident("13800000007"));
		List<String> codes = new ArrayList<>(sun.document("{ serviceItems(everyImplementation: true, first: 60) { nodes { code } } }")
			.execute()
			.path("serviceItems.nodes[*].code")
			.entityList(String.class)
			.get());
		for (String code : codes.subList(0, 50)) {
			sun.document(ADD).variable("c", code).execute().path("addFavouriteItem.favourites").hasValue();
		}
		firstError(sun.document(ADD).variable("c", codes.get(50)).execute(), "FAVOURITES_FULL", "input.code");
		sun.document(ADD).variable("c", codes.get(0)).execute()
			.path("addFavouriteItem.favourites").entityList(Object.class).hasSize(50);
	}

	@Test
	void openedGuidesAndApplicationsBecomeRecentItemsNewestFirst() {
		String zhao = this.tokens.resident("13800000006");
		for (String code : List.of(A, B, A)) {
			this.tokens.as(zhao).document("query($c: ID!) { serviceItem(code: $c) { code } }").variable("c", code).execute();
		}
		// newest first, each once (items applied for in other tests may follow)
		this.tokens.as(zhao).document("{ myRecentItems { code } }").execute()
			.path("myRecentItems[*].code").entityList(String.class)
			.satisfies((codes) -> assertThat(codes).startsWith(A, B).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(20));

		this.tokens.as(zhao)
			.document("mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { application { id } } }")
			.variable("i", Map.of("item", C, "formValues", List.of(), "idempotencyKey", "recent-items-0001"))
			.execute();
		this.tokens.as(zhao).document("{ myRecentItems { code } }").execute()
			.path("myRecentItems[*].code").entityList(String.class)
			.satisfies((codes) -> assertThat(codes).startsWith(C, A, B).doesNotHaveDuplicates());
	}

}
