package cn.tongban.platform.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

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

	SecondaryIndex(MVMap<String, Object> entries, String name, List<IndexKey> keys, boolean sparse) {
		super(name, keys, sparse);
		this.entries = entries;
	}

	@Override
	public boolean canHandle(Document query) {
		return !QueryPrefixes.of(query, keys()).isEmpty();
	}

	@Override
	public Iterable<Object> getPositions(Document query) {
		List<Object> positions = new ArrayList<>();
		for (String prefix : QueryPrefixes.of(query, keys())) {
			Cursor<String, Object> cursor = this.entries.cursor(prefix);
			while (cursor.hasNext()) {
				String key = cursor.next();
				if (!key.startsWith(prefix)) {
					break;
				}
				positions.add(cursor.getValue());
			}
		}
		// $in values or array fields can list a document twice; the collection must see it once
		return (positions.size() > 1) ? new ArrayList<>(new LinkedHashSet<>(positions)) : positions;
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
		if (!sameKeys(oldDocument, newDocument)) {
			String id = IndexKeys.segment(oldDocument.get("_id"));
			for (String key : keysOf(oldDocument, id)) {
				this.entries.remove(key);
			}
			add(newDocument, position, collection);
		}
	}

	/**
	 * Every combination of the document's values, one list of values per key: a superset of what any
	 * equality query can ask. (mongo-java-server's own key values pair the n-th elements of fields in
	 * the same array, which a query on {@code tasks.departmentCode} and {@code tasks.status} without
	 * {@code $elemMatch} does not.)
	 */
	private Collection<String> keysOf(Document document, String idSegment) {
		List<String> keys = List.of("");
		for (String field : keys()) {
			List<Object> values = new ArrayList<>();
			flatten(Utils.getSubdocumentValueCollectionAware(document, field), values);
			if (values.isEmpty()) {
				return List.of(); // an empty array: no equality matches it
			}
			List<String> longer = new ArrayList<>(keys.size() * values.size());
			for (String prefix : keys) {
				for (Object value : values) {
					longer.add(prefix + IndexKeys.segment(value));
				}
			}
			keys = longer;
		}
		return keys.stream().distinct().map(prefix -> prefix + idSegment).toList();
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

	private boolean sameKeys(Document oldDocument, Document newDocument) {
		return keysOf(oldDocument, "").equals(keysOf(newDocument, ""));
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
