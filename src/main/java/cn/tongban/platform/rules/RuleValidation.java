package cn.tongban.platform.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a rule set against the facts its evaluator can supply, before it is used: unknown facts,
 * operators that do not fit a fact's type, values of the wrong type, malformed groups, duplicate ids
 * and sets beyond the bounds. Problems are returned, each naming the rule, so a seed file is refused
 * with all of them at once.
 */
public final class RuleValidation {

	/** Rules in one set, groups and leaves counted. */
	public static final int MAX_RULES = 50;

	/** Nesting of groups. */
	public static final int MAX_DEPTH = 4;

	private RuleValidation() {
	}

	/** @param factTypes the type of each fact the evaluator can supply; empty for an unknown fact */
	public static List<String> problems(List<Rule> rules, Function<String, Optional<FactType>> factTypes) {
		List<String> problems = new ArrayList<>();
		if (rules == null || rules.isEmpty()) {
			problems.add("no rules");
			return problems;
		}
		Set<String> ids = new HashSet<>();
		int[] count = { 0 };
		for (Rule rule : rules) {
			check(rule, 1, factTypes, ids, count, problems);
		}
		if (count[0] > MAX_RULES) {
			problems.add(count[0] + " rules exceed " + MAX_RULES);
		}
		return problems;
	}

	private static void check(Rule rule, int depth, Function<String, Optional<FactType>> factTypes, Set<String> ids,
			int[] count, List<String> problems) {
		count[0]++;
		if (rule == null) {
			problems.add("an empty rule");
			return;
		}
		String name = (rule.id() == null || rule.id().isBlank()) ? "(rule without id)" : rule.id();
		if (rule.id() == null || rule.id().isBlank()) {
			problems.add(name + ": no id");
		}
		else if (!ids.add(rule.id())) {
			problems.add(name + ": id used twice");
		}
		if (rule.text() == null || rule.text().isBlank()) {
			problems.add(name + ": no text");
		}
		if (depth > MAX_DEPTH) {
			problems.add(name + ": nested deeper than " + MAX_DEPTH);
			return;
		}
		if (rule.all() != null && rule.any() != null) {
			problems.add(name + ": both all and any");
			return;
		}
		if (!rule.isLeaf()) {
			List<Rule> members = (rule.all() != null) ? rule.all() : rule.any();
			if (rule.fact() != null || rule.op() != null || rule.value() != null) {
				problems.add(name + ": a group has no fact, op or value");
			}
			if (members.isEmpty()) {
				problems.add(name + ": an empty group");
			}
			members.forEach((member) -> check(member, depth + 1, factTypes, ids, count, problems));
			return;
		}
		if (rule.fact() == null || rule.op() == null) {
			problems.add(name + ": a leaf needs fact and op");
			return;
		}
		Optional<FactType> type = factTypes.apply(rule.fact());
		if (type.isEmpty()) {
			problems.add(name + ": unknown fact " + rule.fact());
			return;
		}
		if (!rule.op().appliesTo(type.get())) {
			problems.add(name + ": " + rule.op() + " does not apply to " + type.get() + " fact " + rule.fact());
			return;
		}
		String valueProblem = valueProblem(rule.op(), type.get(), rule.value());
		if (valueProblem != null) {
			problems.add(name + ": " + valueProblem);
		}
	}

	private static String valueProblem(Operator op, FactType type, Object value) {
		return switch (op) {
			case EXISTS -> (value instanceof Boolean) ? null : "EXISTS takes true or false";
			case IN, NOT_IN -> {
				if (!(value instanceof List<?> list) || list.isEmpty()) {
					yield op + " takes a non-empty list";
				}
				yield list.stream().allMatch((element) -> fits(type, element)) ? null
						: op + " list values must be " + type;
			}
			default -> fits(type, value) ? null : op + " value must be " + type + ", not " + value;
		};
	}

	static boolean fits(FactType type, Object value) {
		return switch (type) {
			case TEXT -> value instanceof String;
			case NUMBER -> value instanceof Number;
			case BOOLEAN -> value instanceof Boolean;
		};
	}

}
