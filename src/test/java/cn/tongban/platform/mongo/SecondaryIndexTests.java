package cn.tongban.platform.mongo;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded server's non-unique indexes, through the real driver: every query answers exactly
 * what a scan of the same documents answers, before and after updates and deletes, and the index
 * survives a restart with its documents.
 */
class SecondaryIndexTests {

	private final List<AutoCloseable> open = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (int i = open.size() - 1; i >= 0; i--) {
			open.get(i).close();
		}
		open.clear();
	}

	@Test
	void indexedQueriesAnswerWhatAScanAnswers() {
		MongoDatabase db = database(IndexedH2Backend.inMemoryIndexed());
		MongoCollection<Document> indexed = db.getCollection("indexed");
		MongoCollection<Document> scanned = db.getCollection("scanned");
		indexed.createIndex(Indexes.ascending("holderId", "typeCode"));
		indexed.createIndex(Indexes.ascending("tags"));
		indexed.createIndex(Indexes.ascending("tasks.departmentCode", "tasks.status", "submittedAt"));
		indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("applicantId"), Indexes.descending("submittedAt")));
		List<Document> documents = randomDocuments(2_000, new Random(7));
		indexed.insertMany(documents.stream().map(Document::new).toList());
		scanned.insertMany(documents.stream().map(Document::new).toList());

		for (Bson query : queries()) {
			assertThat(ids(indexed, query)).as("%s", query).isEqualTo(ids(scanned, query));
			// countDocuments is an aggregation ($match, $group): its $match goes through the index too
			assertThat(indexed.countDocuments(query)).as("count %s", query).isEqualTo(scanned.countDocuments(query));
		}
		List<Bson> grouped = List.of(Aggregates.match(Filters.eq("holderId", "h2")),
				Aggregates.group("$typeCode", Accumulators.sum("n", 1)), Aggregates.sort(Sorts.ascending("_id")));
		assertThat(indexed.aggregate(grouped).into(new ArrayList<>())).isEqualTo(scanned.aggregate(grouped).into(new ArrayList<>()))
			.isNotEmpty();

		Bson move = Filters.eq("holderId", "h3");
		indexed.updateMany(move, Updates.set("holderId", "h-moved"));
		scanned.updateMany(move, Updates.set("holderId", "h-moved"));
		indexed.updateMany(Filters.eq("tags", "t1"), Updates.pull("tags", "t1"));
		scanned.updateMany(Filters.eq("tags", "t1"), Updates.pull("tags", "t1"));
		indexed.deleteMany(Filters.eq("holderId", "h4"));
		scanned.deleteMany(Filters.eq("holderId", "h4"));
		indexed.updateMany(Filters.eq("holderId", "h5"), Updates.set("tasks.0.status", "DONE"));
		scanned.updateMany(Filters.eq("holderId", "h5"), Updates.set("tasks.0.status", "DONE"));

		assertThat(ids(indexed, Filters.eq("holderId", "h3"))).isEmpty();
		assertThat(ids(indexed, Filters.eq("holderId", "h-moved"))).isNotEmpty();
		for (Bson query : queries()) {
			assertThat(ids(indexed, query)).as("after changes: %s", query).isEqualTo(ids(scanned, query));
			assertThat(indexed.countDocuments(query)).as("count after changes %s", query)
				.isEqualTo(scanned.countDocuments(query));
		}
		assertPagesInOrder(indexed, scanned);
	}

	@Test
	void sortedPagesComeInTheSortOrderFromTheIndex() {
		Twins twins = twins(randomDocuments(1_500, new Random(11)),
				Indexes.ascending("tasks.departmentCode", "tasks.status", "submittedAt"),
				Indexes.compoundIndex(Indexes.ascending("applicantId"), Indexes.descending("submittedAt")));
		assertPagesInOrder(twins.indexed(), twins.scanned());
	}

	/** Keyset pages sort by time then {@code _id}: equal times must come in {@code _id} order from the index too. */
	@Test
	void pagesSortedByTimeThenIdComeInThatOrderWithManyEqualTimes() {
		List<Document> documents = new ArrayList<>();
		Random random = new Random(5);
		for (int i = 0; i < 600; i++) {
			documents.add(new Document("_id", "app" + random.nextInt(1_000_000) + "-" + i)
				.append("submittedAt", new Date(1_700_000_000_000L + (i % 40) * 1000L))
				.append("tasks", List.of(new Document("departmentCode", "D" + (i % 2)).append("status", "PENDING"))));
		}
		Twins twins = twins(documents, Indexes.ascending("tasks.departmentCode", "tasks.status", "submittedAt"));
		MongoCollection<Document> indexed = twins.indexed();
		MongoCollection<Document> scanned = twins.scanned();
		// the form Spring Data sends for Criteria.elemMatch, which the index pins
		Bson queue = new Document("tasks",
				new Document("$elemMatch", new Document("departmentCode", "D1").append("status", "PENDING")));
		Bson afterSome = Filters.and(queue, Filters.or(Filters.gt("submittedAt", new Date(1_700_000_000_000L + 20_000L)),
				Filters.and(Filters.eq("submittedAt", new Date(1_700_000_000_000L + 20_000L)), Filters.gt("_id", "app5"))));
		for (Bson query : List.of(queue, afterSome)) {
			for (Bson sort : List.of(Sorts.ascending("submittedAt", "_id"), Sorts.descending("submittedAt", "_id"),
					Sorts.orderBy(Sorts.ascending("submittedAt"), Sorts.descending("_id")))) {
				for (int skip : List.of(0, 13)) {
					assertThat(page(indexed, query, sort, skip)).as("%s %s skip %d", query, sort, skip)
						.isEqualTo(page(scanned, query, sort, skip))
						.isNotEmpty();
				}
			}
		}
	}

	/** The same documents in a collection with the indexes and in one without, to compare answers. */
	private Twins twins(List<Document> documents, Bson... indexes) {
		MongoDatabase db = database(IndexedH2Backend.inMemoryIndexed());
		MongoCollection<Document> indexed = db.getCollection("indexed");
		MongoCollection<Document> scanned = db.getCollection("scanned");
		for (Bson index : indexes) {
			indexed.createIndex(index);
		}
		indexed.insertMany(documents.stream().map(Document::new).toList());
		scanned.insertMany(documents.stream().map(Document::new).toList());
		return new Twins(indexed, scanned);
	}

	private record Twins(MongoCollection<Document> indexed, MongoCollection<Document> scanned) {
	}

	private static void assertPagesInOrder(MongoCollection<Document> indexed, MongoCollection<Document> scanned) {
		List<Bson> sortedQueries = new ArrayList<>();
		for (int a = 0; a < 5; a++) {
			sortedQueries.add(Filters.eq("applicantId", "a" + a));
		}
		for (String department : List.of("D0", "D1", "D2")) {
			sortedQueries.add(Filters.elemMatch("tasks",
					Filters.and(Filters.eq("departmentCode", department), Filters.eq("status", "PENDING"))));
			// as Spring Data sends Criteria.elemMatch: the form the index pins
			sortedQueries.add(new Document("tasks",
					new Document("$elemMatch", new Document("departmentCode", department).append("status", "PENDING"))));
		}
		for (Bson query : sortedQueries) {
			for (Bson sort : List.of(Sorts.ascending("submittedAt"), Sorts.descending("submittedAt"))) {
				for (int skip : List.of(0, 7)) {
					assertThat(page(indexed, query, sort, skip)).as("%s %s skip %d", query, sort, skip)
						.isEqualTo(page(scanned, query, sort, skip))
						.isNotEmpty();
				}
			}
		}
	}

	private static List<String> page(MongoCollection<Document> collection, Bson query, Bson sort, int skip) {
		List<String> ids = new ArrayList<>();
		collection.find(query).sort(sort).skip(skip).limit(10).forEach((document) -> ids.add(document.getString("_id")));
		return ids;
	}

	@Test
	void anIndexAddedToAFilledCollectionCoversItsDocuments() {
		MongoCollection<Document> items = database(IndexedH2Backend.inMemoryIndexed()).getCollection("items");
		items.insertMany(randomDocuments(500, new Random(3)));
		long expected = items.countDocuments(Filters.eq("holderId", "h1"));
		items.createIndex(Indexes.ascending("holderId"));
		assertThat(items.countDocuments(Filters.eq("holderId", "h1"))).isEqualTo(expected).isPositive();
	}

	@Test
	void theIndexIsKeptInTheDataFileWithItsDocuments(@TempDir Path folder) throws Exception {
		String file = folder.resolve("data.mv").toString();
		DurableH2Backend first = DurableH2Backend.open(file);
		MongoCollection<Document> items = database(first).getCollection("items");
		items.createIndex(Indexes.ascending("holderId"));
		items.insertMany(randomDocuments(300, new Random(5)));
		items.deleteMany(Filters.eq("holderId", "h2"));
		Set<String> before = ids(items, Filters.eq("holderId", "h1"));
		close();

		DurableH2Backend reopened = DurableH2Backend.open(file);
		MongoCollection<Document> again = database(reopened).getCollection("items");
		assertThat(ids(again, Filters.eq("holderId", "h1"))).isEqualTo(before).isNotEmpty();
		assertThat(ids(again, Filters.eq("holderId", "h2"))).isEmpty();
		assertThat(reopened.getMvStore().getMapNames()).anyMatch(name -> name.endsWith("_holderId_1"));
	}

	@Test
	void aDroppedIndexLeavesNoEntriesBehind() {
		IndexedH2Backend backend = IndexedH2Backend.inMemoryIndexed();
		MongoCollection<Document> items = database(backend).getCollection("items");
		items.createIndex(Indexes.ascending("holderId"));
		items.insertMany(randomDocuments(50, new Random(1)));
		items.dropIndex("holderId_1");
		assertThat(backend.getMvStore().getMapNames()).noneMatch(name -> name.contains("holderId_1"));
		assertThat(items.countDocuments(Filters.eq("holderId", "h1"))).isPositive();
	}

	@Test
	void aUniqueIndexStillRefusesDuplicates() {
		MongoCollection<Document> items = database(IndexedH2Backend.inMemoryIndexed()).getCollection("items");
		items.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true));
		items.createIndex(Indexes.ascending("holderId"));
		items.insertOne(new Document("_id", "a").append("number", "N1").append("holderId", "h"));
		assertThatThrownBy(() -> items.insertOne(new Document("_id", "b").append("number", "N1").append("holderId", "h")))
			.hasMessageContaining("duplicate key");
		assertThat(ids(items, Filters.eq("holderId", "h"))).containsExactly("a");
	}

	private static List<Bson> queries() {
		List<Bson> queries = new ArrayList<>();
		for (int h = 0; h < 12; h++) {
			queries.add(Filters.eq("holderId", "h" + h));
			queries.add(Filters.and(Filters.eq("holderId", "h" + h), Filters.in("typeCode", "A", "C")));
			queries.add(Filters.and(Filters.eq("holderId", "h" + h), Filters.gt("typeCode", "B")));
		}
		queries.add(Filters.in("holderId", "h1", "h2", "h-moved", "nobody"));
		queries.add(Filters.eq("holderId", 7));
		queries.add(Filters.eq("holderId", 7.0));
		queries.add(Filters.eq("tags", "t1"));
		queries.add(Filters.in("tags", "t2", "t3"));
		queries.add(Filters.and(Filters.eq("tags", "t0"), Filters.eq("holderId", "h1")));
		for (String department : List.of("D0", "D1", "D2")) {
			for (String status : List.of("PENDING", "DONE")) {
				queries.add(Filters.elemMatch("tasks",
						Filters.and(Filters.eq("departmentCode", department), Filters.eq("status", status))));
				queries.add(Filters.and(Filters.eq("tasks.departmentCode", department), Filters.eq("tasks.status", status)));
			}
		}
		return queries;
	}

	private static List<Document> randomDocuments(int count, Random random) {
		List<Document> documents = new ArrayList<>();
		String[] types = { "A", "B", "C", "D" };
		for (int i = 0; i < count; i++) {
			Object holder = (i % 97 == 0) ? Integer.valueOf(7) : "h" + random.nextInt(12);
			// distinct times: pages sorted by them have one right order to compare
			Document document = new Document("_id", "doc" + i).append("holderId", holder)
				.append("applicantId", "a" + random.nextInt(5))
				.append("typeCode", types[random.nextInt(types.length)])
				.append("submittedAt", new Date(1_700_000_000_000L + (i * 7919L) % 1_000_003L * 1000));
			if (random.nextInt(5) > 0) {
				List<String> tags = new ArrayList<>();
				for (int t = random.nextInt(4); t > 0; t--) {
					tags.add("t" + random.nextInt(5));
				}
				document.append("tags", tags);
			}
			List<Document> tasks = new ArrayList<>();
			for (int t = random.nextInt(3); t >= 0; t--) {
				tasks.add(new Document("departmentCode", "D" + random.nextInt(3)).append("status",
						random.nextBoolean() ? "PENDING" : "DONE"));
			}
			documents.add(document.append("tasks", tasks));
		}
		return documents;
	}

	private static Set<String> ids(MongoCollection<Document> collection, Bson query) {
		Set<String> ids = new TreeSet<>();
		collection.find(query).sort(Sorts.ascending("submittedAt")).forEach(document -> ids.add(document.getString("_id")));
		return ids;
	}

	private MongoDatabase database(H2Backend backend) {
		MongoServer server = new MongoServer(backend);
		InetSocketAddress address = server.bind();
		MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
		open.add(server::shutdownNow);
		open.add(client);
		return client.getDatabase("test");
	}

}
