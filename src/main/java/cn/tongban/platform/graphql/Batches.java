package cn.tongban.platform.graphql;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * For {@code @BatchMapping}: loads what a batch of sources refers to with one lookup of the
 * distinct keys, and answers per source (null where the source has no key or the key is unknown).
 */
public final class Batches {

	private Batches() {
	}

	public static <S, K, V> Map<S, V> resolve(List<S> sources, Function<S, K> key,
			Function<Collection<K>, Map<K, V>> lookup) {
		List<K> keys = sources.stream().map(key).filter(Objects::nonNull).distinct().toList();
		Map<K, V> found = keys.isEmpty() ? Map.of() : lookup.apply(keys);
		Map<S, V> result = new LinkedHashMap<>();
		sources.forEach((source) -> {
			K k = key.apply(source);
			result.put(source, (k != null) ? found.get(k) : null);
		});
		return result;
	}

	/** The same for sources that refer to several keys each (an ordered list of values per source). */
	public static <S, K, V> Map<S, List<V>> resolveAll(List<S> sources, Function<S, List<K>> keys,
			Function<Collection<K>, Map<K, V>> lookup) {
		List<K> all = sources.stream().flatMap((s) -> keys.apply(s).stream()).distinct().toList();
		Map<K, V> found = all.isEmpty() ? Map.of() : lookup.apply(all);
		Map<S, List<V>> result = new LinkedHashMap<>();
		sources.forEach((source) -> result.put(source,
				keys.apply(source).stream().map(found::get).filter(Objects::nonNull).toList()));
		return result;
	}

}
