package cn.tongban.platform.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A module's part of {@code node(id)} (the Node interface): the ids of its objects have a shape of
 * their own ({@code app_…}, {@code crt_…}, an item code, a bundle code), so exactly one lookup owns
 * an id. {@link #find} checks the caller exactly as the module's own lookup does and refuses in the
 * same words, so {@code node} opens nothing the typed lookup does not.
 */
public interface NodeLookup {

	/** Whether the id has the shape of this module's ids. */
	boolean owns(String id);

	/** The object for the current caller; refusals are thrown as the module's own lookup throws them. */
	Object find(String id);

	/**
	 * A lookup that reads several of its ids in one round trip for {@code nodes(ids)}. Its
	 * {@link #findAll} carries the same access rule as {@link #find}: a caller it refuses outright is
	 * refused once for all the ids; otherwise each id gets its object or the refusal {@code find}
	 * would have thrown for it.
	 */
	interface Batched extends NodeLookup {

		/** For each id (all owned by this lookup), in order: its object or its refusal. */
		Map<String, Found> findAll(List<String> ids);

		/** Each id's answer from {@code open}, which returns the object or throws its refusal. */
		static Map<String, Found> each(List<String> ids, Function<String, Object> open) {
			Map<String, Found> found = new LinkedHashMap<>();
			for (String id : ids) {
				try {
					found.put(id, Found.of(open.apply(id)));
				}
				catch (RuntimeException refused) {
					found.put(id, Found.refused(refused));
				}
			}
			return found;
		}

	}

	/** One id's answer in a batch: the object, or the refusal {@link #find} would throw. */
	record Found(Object node, RuntimeException refusal) {

		public static Found of(Object node) {
			return new Found(node, null);
		}

		public static Found refused(RuntimeException refusal) {
			return new Found(null, refusal);
		}

	}

}
