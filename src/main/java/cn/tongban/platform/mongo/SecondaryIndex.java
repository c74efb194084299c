package cn.tongban.platform.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A non-unique index the embedded server uses. Stock mongo-java-server accepts such an index and
 * ignores it, so every lookup not by {@code _id} read the whole collection: one resident's card pack
 * took 1.5 s among 100,000 other holders' certificates.
 * <p>
 * One entry per document and key value (several for an array field), in an {@link MVMap} of the
 * same store as the documents, so an entry is committed, synced and rolled back with its document.
 * The entry's key is the values' segments and the document's {@code _id} ({@link IndexKeys}); its
 * value is the document's position. A query with an equality (a value, {@code $eq}, {@code $in},
 * or a field inside {@code $elemMatch}) on a leading part of the keys reads the entries under that
 * prefix; the collection then applies the whole query to those documents, so the index only has to
 * return every document that can match, which it does for any query it says it can handle.
 */
final class SecondaryIndex extends Index<Object> {

	/** More prefixes than this ({@code $in} values multiplied) and the index declines the query. */
	static final int MAX_PREFIXES = 1_000;

	private final MVMap<String, Object> entries;

	/** The keys' field names, and the array each shares with another key ({@link #arrayParent}) or null. */
	private final List<String> fields;

	private final List<String> parents;

	SecondaryIndex(MVMap<String, Object> entries, String name, List<IndexKey> keys, boolean sparse) {
		super(name, keys, sparse);
		this.entries = entries;
		this.fields = keys();
		this.parents = arrayParents(this.fields);
	}

	private QueryPrefixes select(Document query) {
		return QueryPrefixes.of(query, this.fields, this.parents);
	}

	@Override
	public boolean canHandle(Document query) {
		return !select(query).isEmpty();
	}

	@Override
	public Iterable<Object> getPositions(Document query) {
		Set<Object> positions = new LinkedHashSet<>();
		// $in values or array fields can list a document twice; the collection must see it once
		for (String prefix : select(query).prefixes()) {
			Iterator<Object> under = positionsUnder(prefix, false);
			under.forEachRemaining(positions::add);
		}
		return positions;
	}

	/**
	 * The positions of the documents the query can match, in the order of {@code sortKey}, when this
	 * index pins one prefix and sorts by that key right after it; null otherwise. Values of one type
	 * come in MongoDB's order ({@link IndexKeys}), which is all a field like {@code submittedAt} holds.
	 */
	Iterator<Object> positionsInOrder(Document query, String sortKey, boolean descending) {
		QueryPrefixes selected = select(query);
		int next = selected.keysUsed();
		if (selected.prefixes().size() != 1 || next >= this.fields.size() || !this.fields.get(next).equals(sortKey)
				|| this.parents.get(next) != null) {
			return null;
		}
		return positionsUnder(selected.prefixes().get(0), descending);
	}

	/** How many documents match the query, from the entries alone; -1 when the entries cannot tell. */
	long exactCount(Document query) {
		QueryPrefixes selected = select(query);
		if (selected.isEmpty() || !selected.exact()) {
			return -1;
		}
		Set<Object> positions = new HashSet<>();
		for (String prefix : selected.prefixes()) {
			positionsUnder(prefix, false).forEachRemaining(positions::add);
		}
		return positions.size();
	}

	private Iterator<Object> positionsUnder(String prefix, boolean descending) {
		Cursor<String, Object> cursor = descending ? this.entries.cursor(prefix + Character.MAX_VALUE, prefix, true)
				: this.entries.cursor(prefix);
		return new Iterator<>() {

			private Object next = advance();

			private Object advance() {
				while (cursor.hasNext()) {
					String key = cursor.next();
					if (key.startsWith(prefix)) {
						return cursor.getValue();
					}
					if (!descending) {
						return null;
					}
				}
				return null;
			}

			@Override
			public boolean hasNext() {
				return this.next != null;
			}

			@Override
			public Object next() {
				if (this.next == null) {
					throw new NoSuchElementException();
				}
				Object current = this.next;
				this.next = advance();
				return current;
			}
		};
	}

	/**
	 * The array field that {@code key} shares with another key of the index ({@code tasks} for
	 * {@code tasks.status} beside {@code tasks.departmentCode}), or null. Such keys are indexed per
	 * array element, as MongoDB does.
	 */
	static List<String> arrayParents(List<String> keys) {
		return keys.stream().map((key) -> arrayParent(key, keys)).toList();
	}

	static String arrayParent(String key, List<String> keys) {
		int dot = key.indexOf('.');
		if (dot <= 0) {
			return null;
		}
		String parent = key.substring(0, dot + 1);
		return keys.stream().filter((other) -> !other.equals(key) && other.startsWith(parent)).findAny().isPresent()
				? key.substring(0, dot) : null;
	}

	@Override
	public Object getPosition(Document document) {
		return null; // not authoritative: the _id index answers where a document is
	}

	@Override
	public void checkAdd(Document document, MongoCollection<Object> collection) {
		// nothing to refuse: any number of documents may share a key
	}

	@Override
	public void add(Document document, Object position, MongoCollection<Object> collection) {
		String id = IndexKeys.segment(document.get("_id"));
		for (String key : keysOf(document, id)) {
			this.entries.put(key, Missing.ofNullable(position));
		}
	}

	@Override
	public Object remove(Document document) {
		Object id = document.get("_id");
		for (String key : keysOf(document, IndexKeys.segment(id))) {
			this.entries.remove(key);
		}
		return Missing.ofNullable(id);
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
		// as checkAdd
	}

	@Override
	public void updateInPlace(Document oldDocument, Document newDocument, Object position,
			MongoCollection<Object> collection) {
		String id = IndexKeys.segment(oldDocument.get("_id"));
		Collection<String> before = keysOf(oldDocument, id);
		Collection<String> after = keysOf(newDocument, id);
		if (!before.equals(after)) {
			before.forEach(this.entries::remove);
			after.forEach((key) -> this.entries.put(key, Missing.ofNullable(position)));
		}
	}

	/**
	 * The entries' keys: every combination of the document's values, one list per key, except that
	 * keys in the same array ({@link #arrayParent}) take their values from one element at a time.
	 * So an equality on one key, or on array keys within one {@code $elemMatch}, finds every document
	 * that matches ({@link QueryPrefixes} never joins array keys otherwise).
	 */
	private Collection<String> keysOf(Document document, String idSegment) {
		List<String> keys = this.fields;
		List<Object[]> combinations = new ArrayList<>();
		combinations.add(new Object[keys.size()]);
		boolean[] done = new boolean[keys.size()];
		for (int i = 0; i < keys.size(); i++) {
			if (done[i]) {
				continue;
			}
			String parent = this.parents.get(i);
			List<Integer> group = new ArrayList<>();
			for (int j = i; j < keys.size(); j++) {
				if (j == i || (parent != null && parent.equals(this.parents.get(j)))) {
					group.add(j);
					done[j] = true;
				}
			}
			List<Object[]> tuples = (parent != null) ? elementTuples(document, parent, group, keys)
					: singleValues(document, keys.get(i));
			List<Object[]> longer = new ArrayList<>();
			for (Object[] combination : combinations) {
				for (Object[] tuple : tuples) {
					Object[] extended = combination.clone();
					for (int g = 0; g < group.size(); g++) {
						extended[group.get(g)] = tuple[g];
					}
					longer.add(extended);
				}
			}
			combinations = longer;
		}
		Set<String> encoded = new LinkedHashSet<>();
		for (Object[] combination : combinations) {
			StringBuilder key = new StringBuilder();
			for (Object value : combination) {
				IndexKeys.append(key, value);
			}
			encoded.add(key.append(idSegment).toString());
		}
		return encoded;
	}

	private static List<Object[]> singleValues(Document document, String key) {
		List<Object> values = new ArrayList<>();
		flatten(Utils.getSubdocumentValueCollectionAware(document, key), values);
		return values.stream().map((value) -> new Object[] { value }).toList();
	}

	/** For keys in one array: per element, every combination of that element's values of those keys. */
	private static List<Object[]> elementTuples(Document document, String parent, List<Integer> group, List<String> keys) {
		Object array = document.get(parent);
		List<?> elements = (array instanceof List<?> list) ? list : Collections.singletonList(array);
		List<Object[]> tuples = new ArrayList<>();
		for (Object element : elements) {
			List<Object[]> inElement = new ArrayList<>();
			inElement.add(new Object[group.size()]);
			for (int g = 0; g < group.size(); g++) {
				String rest = keys.get(group.get(g)).substring(parent.length() + 1);
				List<Object> values = new ArrayList<>();
				if (element instanceof Document subdocument) {
					flatten(Utils.getSubdocumentValueCollectionAware(subdocument, rest), values);
				}
				else {
					values.add(null);
				}
				List<Object[]> longer = new ArrayList<>();
				for (Object[] partial : inElement) {
					for (Object value : values) {
						Object[] extended = partial.clone();
						extended[g] = value;
						longer.add(extended);
					}
				}
				inElement = longer;
			}
			tuples.addAll(inElement);
		}
		return tuples;
	}

	private static void flatten(Object value, List<Object> into) {
		if (value instanceof Collection<?> elements) {
			for (Object element : elements) {
				flatten(element, into);
			}
		}
		else {
			into.add(value);
		}
	}


	@Override
	public long getCount() {
		return this.entries.sizeAsLong();
	}

	@Override
	public boolean isEmpty() {
		return this.entries.isEmpty();
	}

	@Override
	public long getDataSize() {
		return getCount();
	}

	@Override
	public void drop() {
		this.entries.clear();
	}

}
