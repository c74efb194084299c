package cn.tongban.platform.mongo;

import org.bson.Document;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Database health by {@code ping}, which every MongoDB server and the embedded one answer. It
 * replaces Boot's indicator (same bean name), whose {@code hello} command the embedded server lacks.
 * On the embedded server it is also DOWN while the data folder refuses writes: a read-only store
 * answers pings but would turn every write into an error.
 */
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator extends AbstractHealthIndicator {

	private final MongoTemplate mongo;

	private final ObjectProvider<EmbeddedMongoServer> embedded;

	MongoPingHealthIndicator(MongoTemplate mongo, ObjectProvider<EmbeddedMongoServer> embedded) {
		super("MongoDB health check failed");
		this.mongo = mongo;
		this.embedded = embedded;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		EmbeddedMongoServer server = this.embedded.getIfAvailable();
		String failure = (server != null) ? server.storageFailure() : null;
		if (failure != null) {
			builder.down().withDetail("storage", failure);
			return;
		}
		this.mongo.executeCommand(new Document("ping", 1));
		builder.up().withDetail("database", this.mongo.getDb().getName());
	}

}
