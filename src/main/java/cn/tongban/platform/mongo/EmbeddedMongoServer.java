package cn.tongban.platform.mongo;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * mongo-java-server bound to loopback, reached through the real MongoDB driver, so the same code
 * runs unchanged against a MongoDB replica set. The file backend is {@link DurableH2Backend}: a
 * write is acknowledged once it is synced. When the disk refuses a commit, the store is reopened
 * from its last synced state every few seconds until it opens again; meanwhile writes fail with a
 * storage error and {@link #storageFailure()} turns health DOWN. Every 30 seconds the file is
 * compacted ({@link DurableH2Backend#compact()}).
 */
public class EmbeddedMongoServer implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

	static final String FILE_NAME = "tongban.mv";

	private final EmbeddedMongoProperties properties;

	private final ScheduledExecutorService recovery;

	private volatile H2Backend backend;

	private volatile MongoServer server;

	private final int port;

	private volatile String reopenFailure;

	public EmbeddedMongoServer(EmbeddedMongoProperties properties) {
		this.properties = properties;
		this.backend = openBackend();
		this.server = new MongoServer(this.backend);
		this.server.bind("127.0.0.1", properties.port());
		InetSocketAddress address = this.server.getLocalAddress();
		this.port = address.getPort();
		log.info("Embedded MongoDB ({} backend) listening on {}", properties.backend(), address);
		if (this.backend instanceof DurableH2Backend) {
			this.recovery = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "embedded-mongo-housekeeping");
				thread.setDaemon(true);
				return thread;
			});
			this.recovery.scheduleWithFixedDelay(this::reopenIfFailed, 2, 2, TimeUnit.SECONDS);
			this.recovery.scheduleWithFixedDelay(this::compact, 30, 30, TimeUnit.SECONDS);
		}
		else {
			this.recovery = null;
		}
	}

	private H2Backend openBackend() {
		if (this.properties.backend() == EmbeddedMongoProperties.Backend.MEMORY) {
			return IndexedH2Backend.inMemoryIndexed();
		}
		return DurableH2Backend.open(dataFile(this.properties).toString());
	}

	static Path dataFile(EmbeddedMongoProperties properties) {
		return properties.dataDir().toAbsolutePath().resolve(FILE_NAME);
	}

	public String connectionString(String database) {
		return "mongodb://127.0.0.1:" + this.port + "/" + database;
	}

	/** Why writes are failing, or null when the store accepts them. */
	public String storageFailure() {
		if (this.backend instanceof DurableH2Backend durable) {
			RuntimeException failure = durable.failure();
			if (failure != null) {
				return "the data folder refused a write (" + failure.getMessage() + ")"
						+ ((this.reopenFailure != null) ? "; reopening failed: " + this.reopenFailure : "");
			}
		}
		return null;
	}

	/**
	 * After a failed commit MVStore has closed the file; everything acknowledged is in its last
	 * synced state, so a new store on the same file and port carries on where that left off. The
	 * driver reconnects by itself.
	 */
	synchronized void reopenIfFailed() {
		if (!(this.backend instanceof DurableH2Backend durable) || durable.failure() == null) {
			return;
		}
		try {
			this.server.shutdownNow();
			closeWithoutCommit(this.backend);
			H2Backend reopened = openBackend();
			MongoServer replacement = new MongoServer(reopened);
			replacement.bind("127.0.0.1", this.port);
			this.backend = reopened;
			this.server = replacement;
			this.reopenFailure = null;
			log.warn("Embedded MongoDB reopened {} after a storage failure; writes are accepted again",
					dataFile(this.properties));
		}
		catch (RuntimeException ex) {
			this.reopenFailure = String.valueOf(ex.getMessage()).lines().findFirst().orElse("");
			log.debug("Embedded MongoDB could not reopen its file yet", ex);
		}
	}

	/** A store whose commit failed must not try to write again on the way out. */
	private void compact() {
		if (this.backend instanceof DurableH2Backend durable) {
			durable.compact();
		}
	}

	private static void closeWithoutCommit(H2Backend backend) {
		try {
			backend.getMvStore().closeImmediately();
		}
		catch (RuntimeException ex) {
			log.debug("Closing a failed store", ex);
		}
	}

	@Override
	public void destroy() {
		if (this.recovery != null) {
			this.recovery.shutdownNow();
		}
		this.server.shutdownNow();
		this.backend.close();
	}

}
