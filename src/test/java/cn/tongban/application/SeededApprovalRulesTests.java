package cn.tongban.application;

import java.io.File;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.tongban.platform.rules.Rule;
import cn.tongban.platform.rules.RuleEvaluator;
import cn.tongban.platform.rules.RuleResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every seeded rule set (seeds/application/approval-rules.json, benefit-policies.json) against facts built from its own
 * rules: facts that satisfy them all pass; breaking any one top-level rule fails that rule and the
 * set; no facts at all never pass. A rule set that can never pass (two rules that contradict each
 * other) or that a missing fact would let through fails here.
 */
class SeededApprovalRulesTests {

	/** The items' approval rules and the benefit policies' eligibility rules (named by policy code). */
	static Stream<ApprovalRuleSet> seeded() {
		JsonMapper json = JsonMapper.builder().build();
		Stream<ApprovalRuleSet> items = json.readerForListOf(ApprovalRuleSet.class)
			.<List<ApprovalRuleSet>>readValue(new File("seeds/application/approval-rules.json"))
			.stream();
		Stream<ApprovalRuleSet> policies = json.readerForListOf(BenefitPolicy.class)
			.<List<BenefitPolicy>>readValue(new File("seeds/application/benefit-policies.json"))
			.stream()
			.map((policy) -> new ApprovalRuleSet(policy.itemBasicCode(), policy.code(), policy.rules()));
		return Stream.concat(items, policies);
	}

	@ParameterizedTest(name = "{index}: {0}")
	@MethodSource("seeded")
	void factsThatSatisfyEveryRulePass(ApprovalRuleSet set) {
		List<RuleResult> results = RuleEvaluator.evaluate(set.rules(), satisfying(set.rules()));

		assertThat(results).allSatisfy((result) -> assertThat(result.passed()).as(result.reason()).isTrue());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("seeded")
	void breakingAnyOneRuleFailsItAndTheSet(ApprovalRuleSet set) {
		for (Rule broken : set.rules()) {
			Map<String, Object> facts = satisfying(set.rules());
			violate(broken, facts);

			List<RuleResult> results = RuleEvaluator.evaluate(set.rules(), facts);

			assertThat(results).filteredOn((result) -> result.id().equals(broken.id()))
				.singleElement()
				.satisfies((result) -> assertThat(result.outcome()).as(result.reason()).isEqualTo(RuleResult.Outcome.FAILED));
			assertThat(RuleEvaluator.allPassed(results)).isFalse();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("seeded")
	void missingDataNeverPasses(ApprovalRuleSet set) {
		List<RuleResult> results = RuleEvaluator.evaluate(set.rules(), Map.of());

		assertThat(RuleEvaluator.allPassed(results)).isFalse();
		assertThat(results).anySatisfy((result) -> assertThat(result.outcome()).isEqualTo(RuleResult.Outcome.MISSING));
	}

	/** Facts meeting every rule: each leaf's wish, numbers within every bound set on them, the first way of an any-group. */
	static Map<String, Object> satisfying(List<Rule> rules) {
		Map<String, Object> facts = new HashMap<>();
		Map<String, BigDecimal[]> bounds = new HashMap<>();
		rules.forEach((rule) -> satisfy(rule, facts, bounds));
		bounds.forEach((fact, range) -> facts.put(fact, (range[0] != null) ? range[0] : range[1]));
		return facts;
	}

	private static void satisfy(Rule rule, Map<String, Object> facts, Map<String, BigDecimal[]> bounds) {
		if (!rule.isLeaf()) {
			List<Rule> members = (rule.all() != null) ? rule.all() : rule.any().subList(0, 1);
			members.forEach((member) -> satisfy(member, facts, bounds));
			return;
		}
		Object value = rule.value();
		switch (rule.op()) {
			case EQ -> facts.put(rule.fact(), value);
			case NE, NOT_IN -> facts.put(rule.fact(), other(value));
			case IN -> facts.put(rule.fact(), ((List<?>) value).get(0));
			case PREFIX -> facts.put(rule.fact(), value + "02");
			case EXISTS -> {
				if (Boolean.TRUE.equals(value)) {
					facts.put(rule.fact(), "已知");
				}
			}
			case GT, GTE, LT, LTE -> bound(rule, bounds);
		}
	}

	private static void bound(Rule rule, Map<String, BigDecimal[]> bounds) {
		BigDecimal value = new BigDecimal(rule.value().toString());
		BigDecimal[] range = bounds.computeIfAbsent(rule.fact(), (fact) -> new BigDecimal[2]);
		switch (rule.op()) {
			case GT -> range[0] = max(range[0], value.add(BigDecimal.ONE));
			case GTE -> range[0] = max(range[0], value);
			case LT -> range[1] = min(range[1], value.subtract(BigDecimal.ONE));
			case LTE -> range[1] = min(range[1], value);
			default -> throw new IllegalArgumentException(rule.op().toString());
		}
	}

	/** Makes a rule fail: a leaf gets a value against it; a group loses every way it could pass. */
	private static void violate(Rule rule, Map<String, Object> facts) {
		if (!rule.isLeaf()) {
			List<Rule> members = (rule.any() != null) ? rule.any() : rule.all().subList(0, 1);
			members.forEach((member) -> violate(member, facts));
			return;
		}
		Object value = rule.value();
		switch (rule.op()) {
			case EQ, IN -> facts.put(rule.fact(), other((value instanceof List<?> list) ? list.get(0) : value));
			case NE -> facts.put(rule.fact(), value);
			case NOT_IN -> facts.put(rule.fact(), ((List<?>) value).get(0));
			case PREFIX -> facts.put(rule.fact(), "9" + value);
			case EXISTS -> {
				if (Boolean.TRUE.equals(value)) {
					facts.remove(rule.fact());
				}
				else {
					facts.put(rule.fact(), "已知");
				}
			}
			case GT, LT -> facts.put(rule.fact(), new BigDecimal(value.toString()));
			case GTE -> facts.put(rule.fact(), new BigDecimal(value.toString()).subtract(BigDecimal.ONE));
			case LTE -> facts.put(rule.fact(), new BigDecimal(value.toString()).add(BigDecimal.ONE));
		}
	}

	private static Object other(Object value) {
		if (value instanceof Boolean b) {
			return !b;
		}
		if (value instanceof Number n) {
			return new BigDecimal(n.toString()).add(BigDecimal.valueOf(1000));
		}
		if (value instanceof List<?> list) {
			List<Object> outside = new ArrayList<>();
			list.forEach((element) -> outside.add(other(element)));
			return outside.get(0);
		}
		return "不同于" + value;
	}

	private static BigDecimal max(BigDecimal a, BigDecimal b) {
		return (a == null || b.compareTo(a) > 0) ? b : a;
	}

	private static BigDecimal min(BigDecimal a, BigDecimal b) {
		return (a == null || b.compareTo(a) < 0) ? b : a;
	}

}
