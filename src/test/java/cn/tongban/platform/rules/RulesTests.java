package cn.tongban.platform.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RulesTests {

	private static final Function<String, Optional<FactType>> FACTS = (fact) -> Optional.ofNullable(Map.of(
			"person.age", FactType.NUMBER, "person.regionCode", FactType.TEXT, "certificate.RS-001.valid",
			FactType.BOOLEAN, "form.bankAccount", FactType.TEXT).get(fact));

	private static final Rule ELDERLY = Rule.leaf("age", "申请人年满80周岁", "person.age", Operator.GTE, 80);

	private static final Rule LOCAL = Rule.leaf("local", "户籍在青岛市", "person.regionCode", Operator.PREFIX, "3702");

	@Test
	void aLeafPassesFailsOrIsMissingWithItsReason() {
		assertThat(RuleEvaluator.evaluate(ELDERLY, Map.of("person.age", 81)).outcome()).isEqualTo(RuleResult.Outcome.PASSED);
		RuleResult young = RuleEvaluator.evaluate(ELDERLY, Map.of("person.age", 79));
		assertThat(young.outcome()).isEqualTo(RuleResult.Outcome.FAILED);
		assertThat(young.reason()).isEqualTo("person.age 为 79，要求 ≥ 80");
		assertThat(young.text()).isEqualTo("申请人年满80周岁");
		RuleResult unknown = RuleEvaluator.evaluate(ELDERLY, Map.of());
		assertThat(unknown.outcome()).isEqualTo(RuleResult.Outcome.MISSING);
		assertThat(unknown.passed()).isFalse();
	}

	@Test
	void numbersCompareByValueWhateverTheirJavaType() {
		assertThat(RuleEvaluator.evaluate(ELDERLY, Map.of("person.age", 80L)).passed()).isTrue();
		assertThat(RuleEvaluator.evaluate(Rule.leaf("x", "x", "person.age", Operator.EQ, 80.0), Map.of("person.age", 80))
			.passed()).isTrue();
		assertThat(RuleEvaluator.evaluate(Rule.leaf("x", "x", "person.age", Operator.IN, List.of(1, 80)),
				Map.of("person.age", 80)).passed()).isTrue();
	}

	@Test
	void everyOperatorDecidesAsNamed() {
		Map<String, Object> facts = Map.of("person.regionCode", "370213", "certificate.RS-001.valid", true);
		assertThat(RuleEvaluator.evaluate(LOCAL, facts).passed()).isTrue();
		assertThat(RuleEvaluator.evaluate(Rule.leaf("x", "x", "person.regionCode", Operator.PREFIX, "3701"), facts).passed()).isFalse();
		assertThat(RuleEvaluator.evaluate(Rule.leaf("x", "x", "certificate.RS-001.valid", Operator.EQ, true), facts).passed()).isTrue();
		assertThat(RuleEvaluator.evaluate(Rule.leaf("x", "x", "certificate.RS-001.valid", Operator.NE, true), facts).passed()).isFalse();
		assertThat(RuleEvaluator.evaluate(Rule.leaf("x", "x", "person.regionCode", Operator.NOT_IN, List.of("370202")), facts).passed()).isTrue();
		assertThat(RuleEvaluator.evaluate(Rule.leaf("x", "x", "form.bankAccount", Operator.EXISTS, true), facts).passed()).isFalse();
		assertThat(RuleEvaluator.evaluate(Rule.leaf("x", "x", "form.bankAccount", Operator.EXISTS, false), facts).passed()).isTrue();
		assertThat(RuleEvaluator.evaluate(Rule.leaf("x", "x", "person.age", Operator.LT, 18), Map.of("person.age", 17)).passed()).isTrue();
		assertThat(RuleEvaluator.evaluate(Rule.leaf("x", "x", "person.age", Operator.LTE, 18), Map.of("person.age", 19)).passed()).isFalse();
		assertThat(RuleEvaluator.evaluate(Rule.leaf("x", "x", "person.age", Operator.GT, 18), Map.of("person.age", 18)).passed()).isFalse();
	}

	@Test
	void groupsPassOnAllOrAnyAndNameTheirMembers() {
		Rule both = Rule.allOf("both", "高龄且本地", List.of(ELDERLY, LOCAL));
		Rule either = Rule.anyOf("either", "高龄或本地", List.of(ELDERLY, LOCAL));
		Map<String, Object> localYoung = Map.of("person.age", 40, "person.regionCode", "370203");

		assertThat(RuleEvaluator.evaluate(both, localYoung).outcome()).isEqualTo(RuleResult.Outcome.FAILED);
		RuleResult any = RuleEvaluator.evaluate(either, localYoung);
		assertThat(any.passed()).isTrue();
		assertThat(any.reason()).startsWith("满足其一：").contains("age FAILED").contains("local PASSED");
		assertThat(RuleEvaluator.evaluate(both, Map.of("person.regionCode", "370203")).outcome())
			.isEqualTo(RuleResult.Outcome.MISSING);
		assertThat(RuleEvaluator.allPassed(RuleEvaluator.evaluate(List.of(either), localYoung))).isTrue();
		assertThat(RuleEvaluator.allPassed(List.of())).isFalse();
	}

	@Test
	void aValidSetHasNoProblems() {
		assertThat(RuleValidation.problems(List.of(ELDERLY, Rule.anyOf("g", "或", List.of(LOCAL,
				Rule.leaf("card", "持有社保卡", "certificate.RS-001.valid", Operator.EQ, true)))), FACTS)).isEmpty();
	}

	@Test
	void unknownFactsWrongTypesAndMalformedGroupsAreAllReported() {
		List<String> problems = RuleValidation.problems(List.of(
				Rule.leaf("a", "x", "person.marriage", Operator.EQ, "已婚"),
				Rule.leaf("b", "x", "person.age", Operator.GTE, "eighty"),
				Rule.leaf("c", "x", "person.regionCode", Operator.GT, 3),
				Rule.leaf("d", "x", "person.age", Operator.IN, List.of()),
				Rule.leaf("e", "x", "form.bankAccount", Operator.EXISTS, "yes"),
				Rule.leaf("a", "", "person.age", Operator.GTE, 1),
				Rule.allOf("f", "x", List.of()),
				new Rule("g", "x", "person.age", Operator.GTE, 1, List.of(ELDERLY), null)), FACTS);

		assertThat(problems).containsExactly("a: unknown fact person.marriage",
				"b: GTE value must be NUMBER, not eighty",
				"c: GT does not apply to TEXT fact person.regionCode",
				"d: IN takes a non-empty list",
				"e: EXISTS takes true or false",
				"a: id used twice", "a: no text",
				"f: an empty group",
				"g: a group has no fact, op or value");
		assertThat(RuleValidation.problems(List.of(), FACTS)).containsExactly("no rules");
	}

	@Test
	void setsAreBoundedInSizeAndDepth() {
		Rule deep = ELDERLY;
		for (int level = 0; level < RuleValidation.MAX_DEPTH; level++) {
			deep = Rule.allOf("g" + level, "组", List.of(deep));
		}
		assertThat(RuleValidation.problems(List.of(deep), FACTS)).contains("age: nested deeper than 4");
		List<Rule> many = IntStream.range(0, 51)
			.mapToObj((i) -> Rule.leaf("r" + i, "r", "person.age", Operator.GTE, i))
			.toList();
		assertThat(RuleValidation.problems(many, FACTS)).containsExactly("51 rules exceed 50");
	}

}
