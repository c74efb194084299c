package cn.tongban.platform.mongo;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend, but a write command is answered only after its change is committed and synced
 * to disk. Stock {@link H2Backend} leaves commits to MVStore's one-second background timer, so a
 * kill -9 or a full disk lost writes the client had already been told were stored.
 * <p>
 * Group commit: every write takes a ticket after it is applied; whoever syncs first covers every
 * ticket handed out so far, and writers whose ticket is covered return without a sync of their own.
 * <p>
 * When a commit fails (disk full, I/O error) MVStore closes the store ("panic"): the write is
 * answered with error {@value #STORAGE_FAILED_CODE}, so is every read and write after it, and
 * {@link #failure()} tells health and {@link EmbeddedMongoServer} to reopen the file, whose last
 * synced state is every acknowledged write.
 */
final class DurableH2Backend extends IndexedH2Backend {

	/** The MongoDB error code the driver reports for a write that could not be made durable. */
	static final int STORAGE_FAILED_CODE = 14031; // MongoDB's OutOfDiskSpace

	private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify", "create",
			"drop", "createindexes", "dropindexes", "dropdatabase", "renamecollection", "collmod");

	/** Refused while the store is failed; handshake and monitoring commands still answer. */
	private static final Set<String> READ_COMMANDS = Set.of("find", "getmore", "aggregate", "count", "distinct",
			"listcollections", "listindexes", "dbstats", "collstats");

	private final MVStore store;

	private final AtomicLong applied = new AtomicLong();

	private final Object syncLock = new Object();

	/** Highest ticket known to be on disk; written under {@link #syncLock}. */
	private long durable;

	private volatile RuntimeException failure;

	private DurableH2Backend(MVStore store) {
		super(store);
		this.store = store;
	}

	/**
	 * How long a chunk no longer used is kept before its space is reused. MVStore's 45 s default
	 * guards against disks that have not flushed yet; every commit here is synced, so the remaining
	 * need is readers still walking an older version, for which 15 s is ample.
	 */
	static final int RETENTION_MS = 15_000;

	/** Compaction rewrites live pages out of chunks below this fill rate (percent). */
	static final int TARGET_FILL_RATE = 80;

	/**
	 * Opens the file with MVStore's background commit off: commits happen only here, synced. The page
	 * cache (deserialized documents and index pages) takes an eighth of the heap, at least MVStore's
	 * 16 MB default: with millions of documents the default kept re-reading the same index pages.
	 */
	static DurableH2Backend open(String fileName) {
		long heapMegabytes = Runtime.getRuntime().maxMemory() / (1024 * 1024);
		int cacheMegabytes = (int) Math.max(16, Math.min(1024, heapMegabytes / 8));
		MVStore store = new MVStore.Builder().fileName(fileName).cacheSize(cacheMegabytes).autoCommitDisabled().open();
		store.setRetentionTime(RETENTION_MS);
		return new DurableH2Backend(store);
	}

	/**
	 * A commit per write leaves a small chunk per write, and without MVStore's background thread
	 * nothing compacts them: under sustained writes the file grew by about 20 KB a write. Run
	 * periodically, this moves live pages out of sparse chunks (at most 16 MB a run), synced like any
	 * commit, so the file settles at live data plus what changed within the retention time.
	 */
	void compact() {
		synchronized (this.syncLock) {
			if (this.failure != null) {
				return;
			}
			try {
				if (this.store.compact(TARGET_FILL_RATE, 16 * 1024 * 1024)) {
					this.store.commit();
					this.store.sync();
				}
			}
			catch (RuntimeException ex) {
				this.failure = ex;
			}
		}
	}

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		RuntimeException failed = this.failure;
		String name = command.toLowerCase(Locale.ROOT);
		boolean write = WRITE_COMMANDS.contains(name);
		if (failed != null && (write || READ_COMMANDS.contains(name))) {
			throw storageError(failed);
		}
		Document reply;
		try {
			reply = super.handleCommand(channel, database, command, query);
		}
		catch (RuntimeException refused) {
			// a write refused part-way (an ordered bulk insert meeting a duplicate key) may have applied
			// documents before the one refused: they are reported as written, so they are synced too
			if (write) {
				makeDurable();
			}
			throw refused;
		}
		if (write && !journalOff(query)) {
			makeDurable();
		}
		return reply;
	}

	/**
	 * A write sent with {@code j: false} is applied but not synced here: its caller writes again at
	 * once with the default concern, whose sync covers both (a scan's replay claim, then its record).
	 * Everything else is synced before its answer.
	 */
	private static boolean journalOff(Document command) {
		return command.get("writeConcern") instanceof Document concern && Boolean.FALSE.equals(concern.get("j"));
	}

	private void makeDurable() {
		long ticket = this.applied.incrementAndGet();
		synchronized (this.syncLock) {
			if (this.durable >= ticket) {
				return;
			}
			RuntimeException failed = this.failure;
			if (failed != null) {
				throw storageError(failed);
			}
			long upTo = this.applied.get();
			try {
				this.store.commit();
				this.store.sync();
			}
			catch (RuntimeException ex) {
				this.failure = ex;
				throw storageError(ex);
			}
			this.durable = upTo;
		}
	}

	/** Why the last commit failed, or null while every write has reached the disk. */
	RuntimeException failure() {
		RuntimeException failed = this.failure;
		if (failed == null && this.store.getPanicException() != null) {
			return this.store.getPanicException();
		}
		return failed;
	}

	private static MongoServerError storageError(RuntimeException cause) {
		return new MongoServerError(STORAGE_FAILED_CODE, "OutOfDiskSpace",
				"The write could not be made durable: " + firstLine(cause));
	}

	private static String firstLine(Throwable cause) {
		Throwable root = cause;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = String.valueOf(root.getMessage());
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

}
