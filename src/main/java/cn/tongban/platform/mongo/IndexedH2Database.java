package cn.tongban.platform.mongo;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
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

	private MVStore store() {
		return (this.store != null) ? this.store : OPENING.get();
	}

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
		if (isCountOfAll(pipeline) && collection instanceof IndexedH2Collection indexed) {
			long count = indexed.exactCount(match);
			if (count >= 0) {
				// countDocuments: no group document at all when nothing matches, as MongoDB answers
				return cursorResponse(collection, (count == 0) ? List.of()
						: List.of(new Document("_id", ((Document) pipeline.get(1).get("$group")).get("_id")).append("n", count)));
			}
		}
		Aggregation aggregation = Aggregation.fromPipeline(pipeline, databaseResolver, this, collection, oplog);
		aggregation.validate(command);
		// the pipeline's own $match runs again over the selected documents: the same answer as over all
		return cursorResponse(collection, aggregation.runStages(collection.handleQueryAsStream(match)));
	}

	/** The whole answer in the first batch, as mongo-java-server answers an aggregation. */
	private static Document cursorResponse(MongoCollection<Object> collection, List<Document> batch) {
		Document cursor = new Document("id", 0L).append("ns", collection.getFullName()).append("firstBatch", batch);
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

	/** The driver's countDocuments: {@code $match}, then {@code $group} of everything into {@code n: {$sum: 1}}. */
	private static boolean isCountOfAll(List<Document> pipeline) {
		if (pipeline.size() != 2 || !(pipeline.get(1).get("$group") instanceof Document group) || group.size() != 2
				|| !(group.get("n") instanceof Document sum) || sum.size() != 1 || !(sum.get("$sum") instanceof Number one)) {
			return false;
		}
		return one.intValue() == 1 && !(group.get("_id") instanceof String field && field.startsWith("$"))
				&& !(group.get("_id") instanceof Document);
	}

	@Override
	protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
				// H2Database's map names, so files written before this class stay readable
		String fullName = getFullCollectionNamespace(collectionName);
		MVMap<Object, Document> documents = store().openMap("databases." + fullName);
		MVMap<String, Object> meta = store().openMap("meta." + fullName);
		return new IndexedH2Collection(this, collectionName, options, documents, meta, this.cursorRegistry);
	}

	@Override
	protected void dropIndex(MongoCollection<Object> collection, String indexName) {
		super.dropIndex(collection, indexName);
				String mapName = secondaryMapName(collection.getCollectionName(), indexName);
		if (store().hasMap(mapName)) {
			store().removeMap(mapName);
		}
	}

	/** Versioned: entries written in an earlier key format are left behind and the index refilled. */
	private String secondaryMapName(String collectionName, String indexName) {
		return getFullCollectionNamespace(collectionName) + "._secondary_v2_" + indexName;
	}

	@Override
	protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
			boolean sparse) {
		MVMap<String, Object> entries = store().openMap(secondaryMapName(collectionName, indexName));
		return new SecondaryIndex(entries, indexName, keys, sparse);
	}

}
