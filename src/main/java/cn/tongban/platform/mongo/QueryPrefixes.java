package cn.tongban.platform.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The index key prefixes a query's equalities select: for the index's leading keys, as long as the
 * query names a value for each (directly, by {@code $eq} or {@code $in}, through {@code $and}, or
 * as a field of an {@code $elemMatch} on the array the key is in), one prefix per combination of
 * values. No prefix means the index cannot narrow the query.
 * <p>
 * Keys in the same array ({@code tasks.departmentCode}, {@code tasks.status}) are indexed per
 * element ({@link SecondaryIndex}), so a prefix runs past the first of them only on values of one
 * {@code $elemMatch}: without it a query matches values from different elements.
 *
 * @param prefixes the key prefixes to read
 * @param keysUsed how many leading index keys the prefixes cover
 * @param exact whether the query is nothing but those equalities, so every entry under a prefix
 * matches it (its documents can be counted without reading them)
 */
record QueryPrefixes(List<String> prefixes, int keysUsed, boolean exact) {

	private static final QueryPrefixes NONE = new QueryPrefixes(List.of(), 0, false);

	boolean isEmpty() {
		return this.prefixes.isEmpty();
	}

	static QueryPrefixes of(Document query, List<String> indexKeys) {
		return of(query, indexKeys, SecondaryIndex.arrayParents(indexKeys));
	}

	/** @param parents per key, the array it shares with another key, or null ({@link SecondaryIndex#arrayParents}) */
	static QueryPrefixes of(Document query, List<String> indexKeys, List<String> parents) {
		List<String> prefixes = List.of("");
		int used = 0;
		String elemMatchUsed = null;
		for (String key : indexKeys) {
			Equality equality = equality(query, key);
			if (equality == null || prefixes.size() * equality.values().size() > SecondaryIndex.MAX_PREFIXES) {
				break;
			}
			String parent = parents.get(used);
			if (parent != null && used > 0 && parent.equals(parents.get(used - 1))
					&& !parent.equals(equality.elemMatchOn())) {
				break; // a second field of the same array, not from one $elemMatch
			}
			if (equality.elemMatchOn() != null) {
				elemMatchUsed = equality.elemMatchOn();
			}
			List<String> longer = new ArrayList<>(prefixes.size() * equality.values().size());
			for (String prefix : prefixes) {
				for (Object value : equality.values()) {
					longer.add(prefix + IndexKeys.segment(value));
				}
			}
			prefixes = longer;
			used++;
		}
		if (used == 0) {
			return NONE;
		}
		return new QueryPrefixes(prefixes, used, isExactly(query, indexKeys.subList(0, used), elemMatchUsed));
	}

	/**
	 * Whether the query holds nothing but equalities (plain, {@code $eq} or {@code $in}) on these keys,
	 * the array ones inside one {@code $elemMatch} that names nothing else.
	 */
	private static boolean isExactly(Document query, List<String> keys, String elemMatchOn) {
		for (Map.Entry<String, Object> condition : query.entrySet()) {
			String field = condition.getKey();
			if (keys.contains(field) && !valuesOf(condition.getValue()).isEmpty()) {
				continue;
			}
			if (field.equals(elemMatchOn) && condition.getValue() instanceof Document operators && operators.size() == 1
					&& operators.get("$elemMatch") instanceof Document element) {
				for (Map.Entry<String, Object> inner : element.entrySet()) {
					if (!keys.contains(elemMatchOn + "." + inner.getKey()) || valuesOf(inner.getValue()).isEmpty()) {
						return false;
					}
				}
				continue;
			}
			return false;
		}
		return true;
	}

	/** The values the query requires at {@code path}, and the array whose $elemMatch named them, or null. */
	static Equality equality(Map<String, Object> query, String path) {
		Object condition = query.get(path);
		if (condition != null) {
			List<Object> values = valuesOf(condition);
			if (!values.isEmpty()) {
				return new Equality(values, null);
			}
		}
		if (query.get("$and") instanceof Collection<?> clauses) {
			for (Object clause : clauses) {
				if (clause instanceof Document document) {
					Equality inClause = equality(document, path);
					if (inClause != null) {
						return inClause;
					}
				}
			}
		}
		int dot = path.indexOf('.');
		if (dot > 0 && query.get(path.substring(0, dot)) instanceof Document operators
				&& operators.get("$elemMatch") instanceof Document element) {
			List<Object> values = valuesOf(element.get(path.substring(dot + 1)));
			if (!values.isEmpty()) {
				return new Equality(values, path.substring(0, dot));
			}
		}
		return null;
	}


	private static List<Object> valuesOf(Object condition) {
		if (condition == null) {
			return List.of();
		}
		if (IndexKeys.isExactValue(condition)) {
			return List.of(condition);
		}
		if (!(condition instanceof Document operators) || operators.size() != 1) {
			return List.of();
		}
		Object equal = operators.get("$eq");
		if (equal != null && IndexKeys.isExactValue(equal)) {
			return List.of(equal);
		}
		if (operators.get("$in") instanceof Collection<?> choices && !choices.isEmpty()
				&& choices.stream().allMatch(IndexKeys::isExactValue)) {
			return List.copyOf(new LinkedHashSet<>(choices));
		}
		return List.of();
	}

	/** Values a query pins a path to, and the array field of the {@code $elemMatch} they came from. */
	record Equality(List<Object> values, String elemMatchOn) {
	}

}
