package cn.tongban.platform.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with non-unique indexes that answer queries ({@link SecondaryIndex}):
 * the lookups by holder, applicant, department and guardian stay as fast with a million documents
 * in the collection as with a hundred.
 */
class IndexedH2Backend extends H2Backend {

	IndexedH2Backend(MVStore store) {
		super(store);
	}

	/** For tests and the in-memory setting: nothing is written to disk. */
	static IndexedH2Backend inMemoryIndexed() {
		return new IndexedH2Backend(MVStore.open(null));
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return IndexedH2Database.open(databaseName, getMvStore(), getCursorRegistry());
	}

}
