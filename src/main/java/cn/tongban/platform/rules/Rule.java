package cn.tongban.platform.rules;

import java.util.List;

/**
 * One rule of a rule set: either a leaf ({@code fact op value}, e.g. {@code person.age GTE 60}) or a
 * group that passes when {@code all} or {@code any} of its rules pass. {@code text} is what a resident
 * and staff read (e.g. 申请人年满60周岁).
 *
 * @param id unique within its rule set, stable: decisions name rules by it
 * @param value a string, a number, a boolean, or for IN and NOT_IN a list of them; none for EXISTS
 */
public record Rule(String id, String text, String fact, Operator op, Object value, List<Rule> all, List<Rule> any) {

	public boolean isLeaf() {
		return this.all == null && this.any == null;
	}

	public static Rule leaf(String id, String text, String fact, Operator op, Object value) {
		return new Rule(id, text, fact, op, value, null, null);
	}

	public static Rule allOf(String id, String text, List<Rule> rules) {
		return new Rule(id, text, null, null, null, rules, null);
	}

	public static Rule anyOf(String id, String text, List<Rule> rules) {
		return new Rule(id, text, null, null, null, null, rules);
	}

}
