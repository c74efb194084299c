package cn.tongban.platform.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * mongo-java-server with the H2 backend, bound to loopback. The application reaches it through
 * the real MongoDB driver, so the same code runs unchanged against a MongoDB replica set.
 */
public class EmbeddedMongoServer implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

	private final H2Backend backend;

	private final MongoServer server;

	private final InetSocketAddress address;

	public EmbeddedMongoServer(EmbeddedMongoProperties properties) {
		this.backend = openBackend(properties);
		this.server = new MongoServer(this.backend);
		this.server.bind("127.0.0.1", properties.port());
		this.address = this.server.getLocalAddress();
		log.info("Embedded MongoDB ({} backend) listening on {}", properties.backend(), this.address);
	}

	private static H2Backend openBackend(EmbeddedMongoProperties properties) {
		if (properties.backend() == EmbeddedMongoProperties.Backend.MEMORY) {
			return H2Backend.inMemory();
		}
		Path dir = properties.dataDir().toAbsolutePath();
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data folder " + dir, ex);
		}
		return new H2Backend(dir.resolve("tongban.mv").toString());
	}

	public String connectionString(String database) {
		return "mongodb://127.0.0.1:" + this.address.getPort() + "/" + database;
	}

	@Override
	public void destroy() {
		this.server.shutdownNow();
		this.backend.close();
	}

}
