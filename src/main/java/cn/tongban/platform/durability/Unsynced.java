package cn.tongban.platform.durability;

import com.mongodb.client.MongoCollection;

/**
 * Writes that need not reach the disk on their own: the caller writes again, with the default
 * concern, before it answers, and that write's sync covers them (writes reach the disk in order;
 * see {@code platform.mongo.DurableH2Backend}). On MongoDB the collection's {@code w: majority} still journals them.
 */
public final class Unsynced {

	private Unsynced() {
	}

	/** The collection with its write concern kept but not waiting for the journal. */
	public static <T> MongoCollection<T> of(MongoCollection<T> collection) {
		return collection.withWriteConcern(collection.getWriteConcern().withJournal(false));
	}

}
