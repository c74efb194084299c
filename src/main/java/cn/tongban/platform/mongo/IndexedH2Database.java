package cn.tongban.platform.mongo;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * An H2 database whose non-unique indexes are kept and used ({@link SecondaryIndex}), also by an
 * aggregation that starts with {@code $match}: the driver's {@code countDocuments} (every
 * connection's {@code totalCount}) is such an aggregation, and mongo-java-server runs every
 * pipeline over the whole collection.
 */
final class IndexedH2Database extends H2Database {

	/**
	 * H2Database's constructor already opens the indexes on file, before a field of this subclass
	 * can be set, and keeps its store private: the store is handed over for that call here.
	 */
	private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

	/** Null while H2Database's constructor runs; then {@link #OPENING} has it. */
	private final MVStore store = OPENING.get();

	@Override
	public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
			Oplog oplog) {
		if ("aggregate".equalsIgnoreCase(command)) {
			Document answer = aggregateFromIndex(query, databaseResolver, oplog);
			if (answer != null) {
				return answer;
			}
		}
		return super.handleCommand(channel, command, query, databaseResolver, oplog);
	}

	/** The pipeline over the documents its leading {@code $match} selects through an index, or null. */
	private Document aggregateFromIndex(Document command, DatabaseResolver databaseResolver, Oplog oplog) {
		if (!(command.get("aggregate") instanceof String name)) {
			return null;
		}
		MongoCollection<Object> collection = resolveCollection(name, false);
		List<Document> pipeline = Aggregation.parse(command.get("pipeline"));
		if (collection == null || pipeline.isEmpty() || !(pipeline.get(0).get("$match") instanceof Document match)
				|| collection.getIndexes().stream().noneMatch((index) -> index.canHandle(match))) {
			return null;
		}
		Aggregation aggregation = Aggregation.fromPipeline(pipeline, databaseResolver, this, collection, oplog);
		aggregation.validate(command);
		// the pipeline's own $match runs again over the selected documents: the same answer as over all
		List<Document> result = aggregation.runStages(collection.handleQueryAsStream(match));
		Document cursor = new Document("id", 0L).append("ns", collection.getFullName()).append("firstBatch", result);
		return new Document("cursor", cursor).append("ok", 1.0);
	}

	private IndexedH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
		super(databaseName, store, cursorRegistry);
	}

	static IndexedH2Database open(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
		OPENING.set(store);
		try {
			return new IndexedH2Database(databaseName, store, cursorRegistry);
		}
		finally {
			OPENING.remove();
		}
	}

	@Override
	protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
			boolean sparse) {
		MVStore store = (this.store != null) ? this.store : OPENING.get();
		// the unique indexes' map naming, so H2Database's dropIndex removes this map too
		MVMap<String, Object> entries = store.openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName);
		return new SecondaryIndex(entries, indexName, keys, sparse);
	}

}
