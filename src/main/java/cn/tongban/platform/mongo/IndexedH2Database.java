package cn.tongban.platform.mongo;

import java.util.List;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/** An H2 database whose non-unique indexes are kept and used ({@link SecondaryIndex}). */
final class IndexedH2Database extends H2Database {

	/**
	 * H2Database's constructor already opens the indexes on file, before a field of this subclass
	 * can be set, and keeps its store private: the store is handed over for that call here.
	 */
	private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

	/** Null while H2Database's constructor runs; then {@link #OPENING} has it. */
	private final MVStore store = OPENING.get();

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
