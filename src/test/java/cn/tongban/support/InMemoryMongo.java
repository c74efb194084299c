package cn.tongban.support;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * An in-memory MongoDB-compatible server on a loopback port and a client of it, for tests of one
 * class that need a database but no application. {@link #template()} gives each caller its own
 * client, as separate instances of the service would have.
 */
public final class InMemoryMongo implements AutoCloseable {

	private final MongoServer server = new MongoServer(new MemoryBackend());

	private final String uri = this.server.bindAndGetConnectionString();

	private final List<MongoClient> clients = new ArrayList<>();

	/** A template on database {@code tongban} through a client of its own. */
	public MongoTemplate template() {
		MongoClient client = MongoClients.create(this.uri);
		this.clients.add(client);
		return new MongoTemplate(client, "tongban");
	}

	@Override
	public void close() {
		this.clients.forEach(MongoClient::close);
		this.server.shutdownNow();
	}

}
