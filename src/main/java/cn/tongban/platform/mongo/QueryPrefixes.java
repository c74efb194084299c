package cn.tongban.platform.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The index key prefixes a query's equalities select: for the index's leading keys, as long as the
 * query names a value for each (directly, by {@code $eq} or {@code $in}, through {@code $and}, or
 * as a field of an {@code $elemMatch} on the array the key is in), one prefix per combination of
 * values. No prefix means the index cannot narrow the query.
 */
final class QueryPrefixes {

	private QueryPrefixes() {
	}

	static List<String> of(Document query, List<String> indexKeys) {
		List<String> prefixes = List.of("");
		for (String key : indexKeys) {
			List<Object> values = equalities(query, key);
			if (values.isEmpty() || prefixes.size() * values.size() > SecondaryIndex.MAX_PREFIXES) {
				break;
			}
			List<String> longer = new ArrayList<>(prefixes.size() * values.size());
			for (String prefix : prefixes) {
				for (Object value : values) {
					longer.add(prefix + IndexKeys.segment(value));
				}
			}
			prefixes = longer;
		}
		return (prefixes.size() == 1 && prefixes.get(0).isEmpty()) ? List.of() : prefixes;
	}

	/** The values the query requires at {@code path}, or none when it does not pin the path down. */
	static List<Object> equalities(Map<String, Object> query, String path) {
		Object condition = query.get(path);
		if (condition != null) {
			List<Object> values = valuesOf(condition);
			if (!values.isEmpty()) {
				return values;
			}
		}
		if (query.get("$and") instanceof Collection<?> clauses) {
			for (Object clause : clauses) {
				if (clause instanceof Document document) {
					List<Object> values = equalities(document, path);
					if (!values.isEmpty()) {
						return values;
					}
				}
			}
		}
		int dot = path.indexOf('.');
		while (dot > 0) {
			Object array = query.get(path.substring(0, dot));
			if (array instanceof Document operators && operators.get("$elemMatch") instanceof Document element) {
				List<Object> values = equalities(element, path.substring(dot + 1));
				if (!values.isEmpty()) {
					return values;
				}
			}
			dot = path.indexOf('.', dot + 1);
		}
		return List.of();
	}

	private static List<Object> valuesOf(Object condition) {
		if (IndexKeys.isExactValue(condition)) {
			return List.of(condition);
		}
		if (!(condition instanceof Document operators)) {
			return List.of();
		}
		Object equal = operators.get("$eq");
		if (equal != null && IndexKeys.isExactValue(equal)) {
			return List.of(equal);
		}
		if (operators.get("$in") instanceof Collection<?> choices && !choices.isEmpty()
				&& choices.stream().allMatch(IndexKeys::isExactValue)) {
			return choices.stream().distinct().map(Object.class::cast).toList();
		}
		return List.of();
	}

}
