package cn.tongban.platform.mongo;

import java.util.Iterator;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * An H2 collection that answers a sorted, limited query from an index in the sort's order: a page
 * of a department's queue reads the page's documents (and those skipped), not every task in the
 * queue, as MongoDB does with the same index.
 */
final class IndexedH2Collection extends H2Collection {

	IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
			MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
		super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
	}

	@Override
	protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
			Document fieldSelector) {
		Iterator<Object> ordered = (limit > 0) ? inSortOrder(query, orderBy) : null;
		if (ordered == null) {
			return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}
		Stream<Document> documents = StreamSupport
			.stream(Spliterators.spliteratorUnknownSize(ordered, Spliterator.ORDERED), false)
			.distinct()
			.map(this::getDocument)
			.filter(Objects::nonNull);
		// the stream is lazy: matching, skipping and the limit stop reading once the page is full
		return matchDocumentsFromStream(query, documents, numberToSkip, limit, batchSize, null, fieldSelector);
	}

	/**
	 * Positions in the order of a sort on one indexed key, or on that key then {@code _id} in the same
	 * direction (a keyset page's tie-break): an index entry's key ends with the document's
	 * {@code _id}, so entries with equal values already come in {@code _id} order.
	 */
	private Iterator<Object> inSortOrder(Document query, Document orderBy) {
		if (orderBy == null || orderBy.isEmpty() || orderBy.size() > 2) {
			return null;
		}
		Iterator<String> keys = orderBy.keySet().iterator();
		String sortKey = keys.next();
		if (sortKey.startsWith("$") || !(orderBy.get(sortKey) instanceof Number direction)) {
			return null;
		}
		if (keys.hasNext()) {
			String tieBreak = keys.next();
			if (!tieBreak.equals("_id") || !(orderBy.get(tieBreak) instanceof Number idDirection)
					|| Integer.signum(idDirection.intValue()) != Integer.signum(direction.intValue())) {
				return null;
			}
		}
		for (Index<Object> index : getIndexes()) {
			if (index instanceof SecondaryIndex secondary) {
				Iterator<Object> positions = secondary.positionsInOrder(query, sortKey, direction.intValue() < 0);
				if (positions != null) {
					return positions;
				}
			}
		}
		return null;
	}

	/** How many documents match, counted from an index's entries alone; -1 when no index can tell. */
	long exactCount(Document query) {
		for (Index<Object> index : getIndexes()) {
			if (index instanceof SecondaryIndex secondary) {
				long count = secondary.exactCount(query);
				if (count >= 0) {
					return count;
				}
			}
		}
		return -1;
	}

}
