package cn.tongban.platform.rules;

import java.util.Set;

/** What a leaf rule asks of its fact, and which kinds of fact it applies to. */
public enum Operator {

	EQ(Set.of(FactType.TEXT, FactType.NUMBER, FactType.BOOLEAN)),
	NE(Set.of(FactType.TEXT, FactType.NUMBER, FactType.BOOLEAN)),
	IN(Set.of(FactType.TEXT, FactType.NUMBER)),
	NOT_IN(Set.of(FactType.TEXT, FactType.NUMBER)),
	GT(Set.of(FactType.NUMBER)),
	GTE(Set.of(FactType.NUMBER)),
	LT(Set.of(FactType.NUMBER)),
	LTE(Set.of(FactType.NUMBER)),
	/** The text starts with the value: a region code within a city or district (3702…). */
	PREFIX(Set.of(FactType.TEXT)),
	/** The fact is known (true) or not (false): e.g. a form value was given. */
	EXISTS(Set.of(FactType.TEXT, FactType.NUMBER, FactType.BOOLEAN));

	private final Set<FactType> appliesTo;

	Operator(Set<FactType> appliesTo) {
		this.appliesTo = appliesTo;
	}

	boolean appliesTo(FactType type) {
		return this.appliesTo.contains(type);
	}

}
