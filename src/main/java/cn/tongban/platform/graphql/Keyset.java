package cn.tongban.platform.graphql;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A position in a newest-first feed: the last entry's time and id (ties broken by id). Paging by it
 * instead of an offset, an entry that arrives while a client pages lands before the first page and
 * neither shifts nor repeats the next one. Cursors are opaque: base64url of {@code k1:<millis>:<id>}.
 */
public record Keyset(Instant at, String id) {

	private static final String PREFIX = "k1:";

	public String encode() {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((PREFIX + this.at.toEpochMilli() + ":" + this.id).getBytes(StandardCharsets.UTF_8));
	}

	/** The position a cursor names; null for none; another list's or a malformed cursor is INVALID_CURSOR. */
	public static Keyset parse(String after) {
		if (after == null || after.isEmpty()) {
			return null;
		}
		try {
			String raw = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
			String[] parts = raw.split(":", 3);
			if (parts.length == 3 && raw.startsWith(PREFIX) && !parts[2].isEmpty()) {
				return new Keyset(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through: malformed base64 or number
		}
		throw ApiException.onField("after", PlatformError.INVALID_CURSOR);
	}

	/**
	 * One page of {@code query} newest first by {@code timeField} then {@code _id}, after the cursor:
	 * {@code first} entries (1–100, default 20) and whether more follow, out of {@code total}.
	 */
	public static <T> Connection<T> page(Query query, Integer first, String after, String timeField,
			Function<T, Keyset> keyOf, Function<Query, List<T>> find, long total) {
		return page(query, first, after, timeField, keyOf, find, total, false);
	}

	/**
	 * The same, oldest first: for lists a client mirrors by change time ({@code updatedSince}), where
	 * a change made while it pages comes after its last page instead of being missed.
	 */
	public static <T> Connection<T> pageOldestFirst(Query query, Integer first, String after, String timeField,
			Function<T, Keyset> keyOf, Function<Query, List<T>> find, long total) {
		return page(query, first, after, timeField, keyOf, find, total, true);
	}

	private static <T> Connection<T> page(Query query, Integer first, String after, String timeField,
			Function<T, Keyset> keyOf, Function<Query, List<T>> find, long total, boolean oldestFirst) {
		int size = PageRequest.of(first, null).size();
		Keyset from = parse(after);
		Query page = Query.of(query);
		if (from != null) {
			page.addCriteria(oldestFirst
					? new Criteria().orOperator(Criteria.where(timeField).gt(from.at()),
							Criteria.where(timeField).is(from.at()).and("_id").gt(from.id()))
					: new Criteria().orOperator(Criteria.where(timeField).lt(from.at()),
							Criteria.where(timeField).is(from.at()).and("_id").lt(from.id())));
		}
		page.with(oldestFirst ? Sort.by(Sort.Order.asc(timeField), Sort.Order.asc("_id"))
				: Sort.by(Sort.Order.desc(timeField), Sort.Order.desc("_id"))).limit(size + 1);
		List<T> found = find.apply(page);
		boolean more = found.size() > size;
		List<T> nodes = more ? found.subList(0, size) : found;
		List<Connection.Edge<T>> edges = new ArrayList<>(nodes.size());
		for (T node : nodes) {
			edges.add(new Connection.Edge<>(keyOf.apply(node).encode(), node));
		}
		PageInfo info = new PageInfo(more, from != null, edges.isEmpty() ? null : edges.get(0).cursor(),
				edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
		return new Connection<>(edges, List.copyOf(nodes), info, total);
	}

}
