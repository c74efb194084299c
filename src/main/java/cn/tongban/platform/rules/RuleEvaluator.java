package cn.tongban.platform.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Evaluates a validated rule set over known facts: a result with its reason for every top-level rule
 * (a group's reason names its members' outcomes). A fact that is not known fails the rule that needs
 * it as MISSING: a decision is never made on a guess.
 */
public final class RuleEvaluator {

	private RuleEvaluator() {
	}

	public static List<RuleResult> evaluate(List<Rule> rules, Map<String, Object> facts) {
		return rules.stream().map((rule) -> evaluate(rule, facts)).toList();
	}

	public static boolean allPassed(List<RuleResult> results) {
		return !results.isEmpty() && results.stream().allMatch(RuleResult::passed);
	}

	static RuleResult evaluate(Rule rule, Map<String, Object> facts) {
		if (!rule.isLeaf()) {
			boolean all = rule.all() != null;
			List<RuleResult> members = evaluate(all ? rule.all() : rule.any(), facts);
			boolean passed = all ? members.stream().allMatch(RuleResult::passed)
					: members.stream().anyMatch(RuleResult::passed);
			String reason = (all ? "全部满足：" : "满足其一：") + members.stream()
				.map((member) -> member.id() + " " + member.outcome() + "（" + member.reason() + "）")
				.collect(Collectors.joining("；"));
			RuleResult.Outcome outcome = passed ? RuleResult.Outcome.PASSED
					: members.stream().anyMatch((m) -> m.outcome() == RuleResult.Outcome.MISSING)
							&& members.stream().noneMatch((m) -> m.outcome() == RuleResult.Outcome.FAILED)
									? RuleResult.Outcome.MISSING : RuleResult.Outcome.FAILED;
			return new RuleResult(rule.id(), rule.text(), outcome, reason);
		}
		Object actual = facts.get(rule.fact());
		if (rule.op() == Operator.EXISTS) {
			boolean wanted = Boolean.TRUE.equals(rule.value());
			boolean known = actual != null;
			return result(rule, known == wanted, rule.fact() + (known ? " 已知" : " 未知"));
		}
		if (actual == null) {
			return new RuleResult(rule.id(), rule.text(), RuleResult.Outcome.MISSING, rule.fact() + " 未知");
		}
		boolean passed = switch (rule.op()) {
			case EQ -> same(actual, rule.value());
			case NE -> !same(actual, rule.value());
			case IN -> ((List<?>) rule.value()).stream().anyMatch((v) -> same(actual, v));
			case NOT_IN -> ((List<?>) rule.value()).stream().noneMatch((v) -> same(actual, v));
			case GT -> compare(actual, rule.value()) > 0;
			case GTE -> compare(actual, rule.value()) >= 0;
			case LT -> compare(actual, rule.value()) < 0;
			case LTE -> compare(actual, rule.value()) <= 0;
			case PREFIX -> actual.toString().startsWith(rule.value().toString());
			case EXISTS -> throw new IllegalStateException("handled above");
		};
		return result(rule, passed, rule.fact() + " 为 " + shown(actual) + "，要求 " + symbol(rule.op()) + " " + shown(rule.value()));
	}

	private static RuleResult result(Rule rule, boolean passed, String reason) {
		return new RuleResult(rule.id(), rule.text(), passed ? RuleResult.Outcome.PASSED : RuleResult.Outcome.FAILED,
				reason);
	}

	private static boolean same(Object actual, Object expected) {
		if (actual instanceof Number && expected instanceof Number) {
			return compare(actual, expected) == 0;
		}
		return actual.equals(expected);
	}

	/** Numbers compare by value whatever their Java type (an int fact against a double in JSON). */
	private static int compare(Object actual, Object expected) {
		if (!(actual instanceof Number a) || !(expected instanceof Number e)) {
			throw new IllegalArgumentException("not numbers: " + actual + ", " + expected);
		}
		return new BigDecimal(a.toString()).compareTo(new BigDecimal(e.toString()));
	}

	private static String shown(Object value) {
		if (value instanceof Boolean b) {
			return b ? "是" : "否";
		}
		return String.valueOf(value);
	}

	private static String symbol(Operator op) {
		return switch (op) {
			case EQ -> "=";
			case NE -> "≠";
			case IN -> "属于";
			case NOT_IN -> "不属于";
			case GT -> ">";
			case GTE -> "≥";
			case LT -> "<";
			case LTE -> "≤";
			case PREFIX -> "开头为";
			case EXISTS -> "已知";
		};
	}

}
