package cn.tongban.platform.rules;

/**
 * One rule's outcome with its reason, e.g. {@code FAILED, "person.age is 34; needs ≥ 60"}.
 *
 * @param outcome PASSED, FAILED, or MISSING when a fact it needs is not known (which fails the rule)
 */
public record RuleResult(String id, String text, Outcome outcome, String reason) {

	public enum Outcome {

		PASSED, FAILED, MISSING

	}

	public boolean passed() {
		return this.outcome == Outcome.PASSED;
	}

}
