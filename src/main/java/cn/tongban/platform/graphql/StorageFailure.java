package cn.tongban.platform.graphql;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;

/**
 * Recognises a write the database refused to make durable: MongoDB's OutOfDiskSpace (14031), which
 * the embedded server also answers when it cannot sync, and a journal or majority write concern
 * that was not satisfied (64, 100) on a real replica set.
 */
final class StorageFailure {

	private static final int OUT_OF_DISK_SPACE = 14031;

	private static final int WRITE_CONCERN_FAILED = 64;

	private static final int UNSATISFIABLE_WRITE_CONCERN = 100;

	private StorageFailure() {
	}

	static boolean in(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof MongoBulkWriteException bulk
					&& bulk.getWriteErrors().stream().anyMatch((error) -> isStorageCode(error.getCode()))) {
				return true;
			}
			if (cause instanceof MongoException mongo && isStorageCode(mongo.getCode())) {
				return true;
			}
		}
		return false;
	}

	private static boolean isStorageCode(int code) {
		return code == OUT_OF_DISK_SPACE || code == WRITE_CONCERN_FAILED || code == UNSATISFIABLE_WRITE_CONCERN;
	}

}
