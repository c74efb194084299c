package cn.tongban.platform.graphql;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import cn.tongban.platform.limits.SharedBuckets;
import cn.tongban.platform.security.RateLimitProperties;
import cn.tongban.platform.security.Subject;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Document;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Visible cost, in the style of Shopify's {@code extensions.cost}: every answer says what its
 * operation was estimated to cost ({@code requestedQueryCost}: the page-weighted cost the limit
 * checks, {@link QueryLimits#pageWeightedCost()}), what it cost ({@code actualQueryCost}: one per
 * field in the answer, so a half-empty page costs less) and, when budgets are on, the caller's
 * {@code throttleStatus}. Each caller (the token's subject, else the app installation's
 * {@code X-Device-Id}, else the address) has a cost budget per minute: its request budget
 * ({@code tongban.rate-limit.*}) times {@code tongban.graphql.cost-budget.per-request}, in a token
 * bucket that holds a quarter of it: an operation takes its requested cost up front, or is refused with
 * {@code COST_LIMITED} and how long to wait; the unused part goes back after the answer. Budgets
 * are shared by every instance ({@link SharedBuckets}), like the request-count limits (docs/security.md).
 */
@Component
@Order(100)
class QueryCost extends SimplePerformantInstrumentation {

	private static final Logger log = LoggerFactory.getLogger(QueryCost.class);

	static final String EXTENSION = "cost";

	static final long MAX_PER_MINUTE = 10_000_000_000L;

	private final boolean budgetsOn;

	private final RateLimitProperties requestLimits;

	private final long perRequest;

	private final int maxCost;

	/** Requested cost of operations no variable can change ({@link QueryLimits.VariableFreeShape}), by identity. */
	private final Cache<Document, Integer> fixedCosts = Caffeine.newBuilder().weakKeys().build();

	private final SharedBuckets budgets;

	/**
	 * @param perRequest cost units per request of the caller's request budget: a caller allowed 300
	 * requests a minute may spend 300 × this a minute, so raising a request limit (as load tests do)
	 * raises the cost budget with it
	 */
	QueryCost(RateLimitProperties requestLimits, SharedBuckets budgets, @Value("${tongban.graphql.max-cost:5000}") int maxCost,
			@Value("${tongban.graphql.cost-budget.per-request:200}") long perRequest) {
		this.budgets = budgets;
		this.budgetsOn = requestLimits.enabled();
		this.requestLimits = requestLimits;
		this.maxCost = maxCost;
		this.perRequest = perRequest;
	}

	@Override
	public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
		return CompletableFuture.completedFuture(new Spending());
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
			InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		Spending spending = (Spending) state;
		try {
			spending.requested = requestedCost(context);
			// the cost limit (QueryLimits) runs after this and takes it from here
			context.getGraphQLContext().put(QueryLimits.REQUESTED_COST, spending.requested);
		}
		catch (RuntimeException ex) {
			// accounting must never fail an operation the limits let through
			log.warn("Could not estimate the cost of an operation; it runs unbudgeted", ex);
			return SimpleInstrumentationContext.noOp();
		}
		if (this.budgetsOn && spending.requested <= this.maxCost) {
			ConsumptionProbe probe;
			try {
				Budget budget = budgetOf(Subject.current(), context.getGraphQLContext());
				// every operation takes at least one (an operation of __typename alone is estimated at 0)
				probe = budget.bucket().tryConsumeAndReturnRemaining(spending.charged());
				spending.budget = budget;
				spending.remaining = probe.getRemainingTokens();
			}
			catch (RuntimeException ex) {
				log.warn("Could not take an operation's cost from its caller's budget; it runs unbudgeted", ex);
				return SimpleInstrumentationContext.noOp();
			}
			if (!probe.isConsumed()) {
				spending.refused = true;
				long seconds = SharedBuckets.retryAfterSeconds(probe);
				throw new AbortExecutionException(List.of(PlatformError.COST_LIMITED.toError(
						Locale.ENGLISH.equals(context.getLocale()), seconds)));
			}
		}
		return SimpleInstrumentationContext.noOp();
	}

	private int requestedCost(ExecutionContext context) {
		Integer fixed = this.fixedCosts.getIfPresent(context.getDocument());
		if (fixed != null) {
			return fixed;
		}
		int cost = QueryLimits.requestedCost(context);
		if (QueryLimits.VariableFreeShape.of(context.getDocument())) {
			this.fixedCosts.put(context.getDocument(), cost);
		}
		return cost;
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		Spending spending = (Spending) state;
		if (spending == null || spending.requested < 0) {
			// refused before execution (parse, validation, limits): nothing was spent
			return CompletableFuture.completedFuture(result);
		}
		int actual = spending.refused ? 0 : fieldsIn(result.getData());
		long refund = 0;
		if (spending.budget != null && !spending.refused && Math.max(1, actual) < spending.charged()) {
			refund = spending.charged() - Math.max(1, actual);
			spending.budget.bucket().addTokens(refund);
		}
		Map<String, Object> cost = new LinkedHashMap<>();
		cost.put("requestedQueryCost", spending.requested);
		cost.put("actualQueryCost", actual);
		if (spending.budget != null) {
			// what the consumption left plus the refund: no third exchange with the shared bucket
			cost.put("throttleStatus", Map.of("maximumAvailable", spending.budget.maximum(), "currentlyAvailable",
					Math.max(0, Math.min(spending.budget.maximum(), spending.remaining + refund)), "restoreRate",
					spending.budget.restorePerSecond()));
		}
		return CompletableFuture.completedFuture(result.transform((builder) -> builder.addExtension(EXTENSION, cost)));
	}

	/** One per field value in the answer: what the operation really fetched. */
	static int fieldsIn(Object data) {
		if (data instanceof Map<?, ?> object) {
			int fields = 0;
			for (Object value : object.values()) {
				fields += 1 + fieldsIn(value);
			}
			return fields;
		}
		if (data instanceof List<?> list) {
			int fields = 0;
			for (Object item : list) {
				fields += fieldsIn(item);
			}
			return fields;
		}
		return 0;
	}

	private Budget budgetOf(Subject subject, GraphQLContext context) {
		long requestsPerMinute = this.requestLimits.forSubject(subject);
		String key;
		if (subject != null) {
			key = "sub:" + subject.id();
		}
		else {
			String device = context.get(ClientAddress.DEVICE_KEY);
			key = (device != null) ? "device:" + device : "ip:" + context.getOrDefault(ClientAddress.KEY, "unknown");
		}
		// Bucket4j refills at most one unit a nanosecond; 10^10 a minute is unlimited in practice
		long perMinute = Math.max(1, Math.min(MAX_PER_MINUTE, Math.multiplyHigh(requestsPerMinute, this.perRequest) != 0
				? MAX_PER_MINUTE : requestsPerMinute * this.perRequest));
		long maximum = Math.max(this.maxCost, perMinute / 4);
		Bucket bucket = this.budgets.bucket("cost:" + key, maximum, perMinute, Duration.ofMinutes(1));
		return new Budget(bucket, maximum, perMinute / 60);
	}

	private record Budget(Bucket bucket, long maximum, long restorePerSecond) {
	}

	/** One execution's cost: requested up front, -1 until then. */
	private static final class Spending implements InstrumentationState {

		int requested = -1;

		/** What the caller's budget held right after this operation's charge. */
		long remaining;

		Budget budget;

		boolean refused;

		int charged() {
			return Math.max(1, this.requested);
		}

	}

}
