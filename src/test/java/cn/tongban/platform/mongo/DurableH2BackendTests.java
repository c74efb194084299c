package cn.tongban.platform.mongo;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What survives a crash (the store closed without a commit, as kill -9 leaves it): every write
 * acknowledged with the default concern; a {@code j: false} write only once a later synced write
 * covered it.
 */
class DurableH2BackendTests {

	@Test
	void aWriteWithoutJournalIsDurableOnceTheNextSyncedWriteIsAcknowledged(@TempDir Path folder) {
		String file = folder.resolve("data.mv").toString();
		crashAfter(file, (items) -> {
			items.withWriteConcern(WriteConcern.ACKNOWLEDGED.withJournal(false)).insertOne(new Document("_id", "claim"));
			items.insertOne(new Document("_id", "record"));
		});
		assertThat(idsAfterRestart(file)).containsExactlyInAnyOrder("claim", "record");
	}

	@Test
	void aWriteWithoutJournalAloneIsNotYetDurable(@TempDir Path folder) {
		String file = folder.resolve("data.mv").toString();
		crashAfter(file, (items) -> {
			items.insertOne(new Document("_id", "synced"));
			items.withWriteConcern(WriteConcern.ACKNOWLEDGED.withJournal(false)).insertOne(new Document("_id", "deferred"));
		});
		assertThat(idsAfterRestart(file)).containsExactly("synced");
	}

	private static void crashAfter(String file, Consumer<MongoCollection<Document>> writes) {
		DurableH2Backend backend = DurableH2Backend.open(file);
		MongoServer server = new MongoServer(backend);
		InetSocketAddress address = server.bind();
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
			writes.accept(client.getDatabase("test").getCollection("items"));
		}
		backend.getMvStore().closeImmediately(); // no commit: what kill -9 leaves on disk
		server.shutdownNow();
	}

	private static List<String> idsAfterRestart(String file) {
		DurableH2Backend backend = DurableH2Backend.open(file);
		MongoServer server = new MongoServer(backend);
		InetSocketAddress address = server.bind();
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
			List<String> ids = new ArrayList<>();
			client.getDatabase("test").getCollection("items").find().forEach((d) -> ids.add(d.getString("_id")));
			return ids;
		}
		finally {
			server.shutdownNow();
		}
	}

}
