package cn.tongban.platform.graphql;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import cn.tongban.platform.limits.SharedBuckets;
import cn.tongban.platform.security.RateLimitProperties;
import cn.tongban.support.InMemoryMongo;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Cost reported and budgeted per caller, on an engine of its own with a small budget. */
class QueryCostTests {

	private static final String SDL = "type Query { items(first: Int): [Item!]! every(first: Int): [Item!]! }  type Item { a: String b: String }";

	/** 300 requests a minute × 200 = 60,000 a minute: 15,000 at most at once, 1,000 back per second. */
	private final InMemoryMongo mongo = new InMemoryMongo();

	private final QueryCost cost = new QueryCost(new RateLimitProperties(true, 300, 6000, null, 60_000),
			new SharedBuckets(this.mongo.template(), Clock.systemUTC()), 5000, 200);

	private final GraphQL engine = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(
			new SchemaParser().parse(SDL), RuntimeWiring.newRuntimeWiring()
				.type("Query", (type) -> type.dataFetcher("items", (DataFetcher<List<Map<String, String>>>) (env) -> {
					// never more than 3 items, whatever was asked: the actual cost is below the requested
					int first = env.getArgumentOrDefault("first", 3);
					return IntStream.range(0, Math.min(first, 3)).mapToObj((i) -> Map.of("a", "x", "b", "y")).toList();
				}).dataFetcher("every", (DataFetcher<List<Map<String, String>>>) (env) -> IntStream
					.range(0, env.<Integer>getArgumentOrDefault("first", 3)).mapToObj((i) -> Map.of("a", "x", "b", "y")).toList()))
				.build()))
		.instrumentation(this.cost)
		.build();

	@AfterEach
	void stop() {
		this.mongo.close();
	}

	@Test
	void anAnswerSaysWhatItWasEstimatedToCostAndWhatItCost() {
		Map<String, Object> cost = costOf(run("{ items(first: 100) { a b } }", "203.0.113.1"));
		// 1 + 100 items × 2 fields requested; 1 + 3 items × 2 fields answered
		assertThat(cost).containsEntry("requestedQueryCost", 201).containsEntry("actualQueryCost", 7);
		assertThat(throttle(cost)).containsEntry("maximumAvailable", 15_000L).containsEntry("restoreRate", 1000L);
		assertThat((Long) throttle(cost).get("currentlyAvailable")).isBetween(15_000L - 7, 15_000L);
	}

	@Test
	void aCallerOverItsBudgetIsRefusedWithHowLongToWaitAndOthersAreNot() {
		// 1 + 99 items × 42 fields = 4,159 requested and spent: the fourth is over 15,000
		String costly = "{ every(first: 99) { a b " + "x1: a x2: a x3: a x4: a x5: a x6: a x7: a x8: a x9: a x10: a "
				+ "y1: b y2: b y3: b y4: b y5: b y6: b y7: b y8: b y9: b y10: b "
				+ "z1: a z2: a z3: a z4: a z5: a z6: a z7: a z8: a z9: a z10: a "
				+ "w1: b w2: b w3: b w4: b w5: b w6: b w7: b w8: b w9: b w10: b } }";
		ExecutionResult refused = null;
		for (int i = 0; i < 10 && refused == null; i++) {
			ExecutionResult result = run(costly, "203.0.113.2");
			if (!result.getErrors().isEmpty()) {
				refused = result;
			}
		}
		assertThat(refused).as("refused within ten costly operations").isNotNull();
		assertThat(refused.getErrors().get(0).getExtensions()).containsEntry("code", "COST_LIMITED");
		assertThat(refused.getErrors().get(0).getMessage()).containsPattern("\\d+ 秒后再试");
		assertThat(costOf(refused)).containsEntry("actualQueryCost", 0);
		// another address has its own budget
		assertThat(run(costly, "203.0.113.3").getErrors()).isEmpty();
	}

	@Test
	void unusedCostGoesBack() {
		for (int i = 0; i < 100; i++) {
			// 201 requested, 7 spent: without the refund 100 of these would need 20,100
			assertThat(run("{ items(first: 100) { a b } }", "203.0.113.4").getErrors()).isEmpty();
		}
	}

	@Test
	void anOperationEstimatedAtNothingStillRunsAndCountsOne() {
		ExecutionResult result = run("{ __typename }", "203.0.113.5");
		assertThat(result.getErrors()).isEmpty();
		assertThat(costOf(result)).containsEntry("requestedQueryCost", 0).containsEntry("actualQueryCost", 1);
	}

	@Test
	void aRequestBudgetRaisedForALoadTestGivesACostBudgetWithoutLimit() {
		QueryCost unlimited = new QueryCost(new RateLimitProperties(true, 1_000_000_000, 6000, null, 60_000),
				new SharedBuckets(this.mongo.template(), Clock.systemUTC()), 5000, 1_000_000);
		ExecutionResult result = GraphQL.newGraphQL(this.engine.getGraphQLSchema()).instrumentation(unlimited).build()
			.execute(ExecutionInput.newExecutionInput("{ items(first: 3) { a } }")
				.graphQLContext(Map.of(ClientAddress.KEY, "203.0.113.6"))
				.build());
		assertThat(result.getErrors()).isEmpty();
		assertThat(throttle(costOf(result))).containsEntry("restoreRate", QueryCost.MAX_PER_MINUTE / 60);
	}

	@Test
	void fieldsInCountsEveryValueOfTheAnswer() {
		assertThat(QueryCost.fieldsIn(Map.of("a", List.of(Map.of("b", 1, "c", 2), Map.of("b", 3, "c", 4)), "d", "x")))
			.isEqualTo(6);
		assertThat(QueryCost.fieldsIn(null)).isZero();
	}

	private ExecutionResult run(String query, String address) {
		return this.engine.execute(ExecutionInput.newExecutionInput(query)
			.graphQLContext(Map.of(ClientAddress.KEY, address))
			.locale(Locale.SIMPLIFIED_CHINESE)
			.build());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> costOf(ExecutionResult result) {
		return (Map<String, Object>) result.getExtensions().get("cost");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> throttle(Map<String, Object> cost) {
		return (Map<String, Object>) cost.get("throttleStatus");
	}

}
