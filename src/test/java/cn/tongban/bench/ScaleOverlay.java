package cn.tongban.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.IntFunction;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

/**
 * Personal data for the scale run of {@code bench/api} (issue 15): residents who are not the bench's,
 * with their certificates, applications, usage-log entries and scan records, written into a running
 * service's database as an overlay. Each document copies the shape of one the service itself wrote
 * (a template per collection, so the overlay follows the code as it changes) and gets its own id,
 * holder and time. Copied certificates keep the template's seal, which does not match their new
 * holder: they are volume for the lookups, never verified.
 * <p>
 * Usage: {@code ScaleOverlay <mongodb-uri> <residents> <certificates> <applications> <usage entries> <scan records>}
 */
public final class ScaleOverlay {

	private static final int BATCH = 1_000;

	private static final Instant NOW = Instant.now();

	private ScaleOverlay() {
	}

	public static void main(String[] args) throws InterruptedException {
		if (args.length != 6) {
			System.err.println("usage: ScaleOverlay <mongodb-uri> <residents> <certificates> <applications> "
					+ "<usage entries> <scan records>");
			System.exit(2);
		}
		int residents = Integer.parseInt(args[1]);
		try (MongoClient client = MongoClients.create(args[0])) {
			MongoDatabase db = client.getDatabase("tongban");
			List<String> departments = new ArrayList<>();
			db.getCollection("departments").find().forEach((d) -> departments.add(d.getString("_id")));
			Document person = template(db, "people");
			Document certificate = template(db, "certificates");
			Document application = template(db, "applications");
			Document usage = template(db, "certificate_usage");
			Document scan = template(db, "code_scans");
			// one writer per collection: the embedded server locks a collection per write, not the database
			List<Runnable> writers = List.of(() -> write(db, "people", residents, (i) -> person(person, i)),
					() -> write(db, "certificates", Integer.parseInt(args[2]), (i) -> certificate(certificate, i, residents)),
					() -> write(db, "applications", Integer.parseInt(args[3]),
							(i) -> application(application, i, residents, departments)),
					() -> write(db, "certificate_usage", Integer.parseInt(args[4]), (i) -> usage(usage, i, residents)),
					() -> write(db, "code_scans", Integer.parseInt(args[5]), (i) -> scan(scan, i, residents)));
			List<Thread> threads = writers.stream().map(Thread::new).toList();
			threads.forEach(Thread::start);
			for (Thread thread : threads) {
				thread.join();
			}
		}
	}

	/** The first document of the collection the service wrote itself (not one of an earlier overlay). */
	private static Document template(MongoDatabase db, String collection) {
		Document found = db.getCollection(collection)
			.find(new Document("_id", new Document("$not", new Document("$regex", "^scale-"))))
			.first();
		if (found == null) {
			throw new IllegalStateException("no " + collection + " document to copy: the bench writes one before the overlay");
		}
		return found;
	}

	private static void write(MongoDatabase db, String name, int count, IntFunction<Document> make) {
		MongoCollection<Document> collection = db.getCollection(name);
		long started = System.nanoTime();
		List<Document> batch = new ArrayList<>(BATCH);
		for (int i = 0; i < count; i++) {
			batch.add(make.apply(i));
			if (batch.size() == BATCH || i == count - 1) {
				collection.insertMany(batch, new InsertManyOptions().ordered(false));
				batch.clear();
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("%s: %,d documents in %.1f s (%,.0f/s)%n", name, count, seconds, count / Math.max(seconds, 1e-9));
	}

	static String residentId(int i) {
		return String.format("scale-p-%06d", i);
	}

	/** 18 characters like an ID number, in region 99 that no real one uses. */
	static String idNumber(int i) {
		return String.format("99%015dX", i);
	}

	static Document person(Document template, int i) {
		Document person = copy(template);
		person.put("_id", residentId(i));
		person.put("idNumber", idNumber(i));
		person.put("name", "规模测试" + i);
		person.remove("mobile");
		person.remove("provincialRef");
		person.put("guardianIds", List.of());
		return person;
	}

	static Document certificate(Document template, int i, int residents) {
		int holder = i % residents;
		Document certificate = copy(template);
		certificate.put("_id", String.format("scale-c-%07d", i));
		certificate.put("number", String.format("SCALE%07d", i));
		certificate.put("holderId", residentId(holder));
		certificate.put("holderIdentifier", idNumber(holder));
		return certificate;
	}

	/** Most applications are finished; one in fifty waits in a department's queue, spread over all departments. */
	static Document application(Document template, int i, int residents, List<String> departments) {
		Document application = copy(template);
		boolean pending = i % 50 == 0;
		Instant submitted = NOW.minus(Duration.ofMinutes(i));
		application.put("_id", String.format("scale-a-%07d", i));
		application.put("applicantId", residentId(i % residents));
		application.put("holderId", residentId(i % residents));
		application.put("fingerprint", "scale-" + i);
		application.put("submittedAt", Date.from(submitted));
		application.put("updatedAt", Date.from(submitted));
		application.put("status", pending ? "SUBMITTED" : "COMPLETED");
		List<Document> tasks = new ArrayList<>();
		for (Object task : application.getList("tasks", Object.class, List.of())) {
			Document copied = copy((Document) task);
			copied.put("departmentCode", departments.get((i / 50 + tasks.size()) % departments.size()));
			copied.put("status", pending ? "PENDING" : "APPROVED");
			tasks.add(copied);
		}
		application.put("tasks", tasks);
		return application;
	}

	static Document usage(Document template, int i, int residents) {
		String holder = residentId(i % residents);
		long sequence = i / residents + 1;
		Document entry = copy(template);
		entry.put("_id", "scale-" + holder + ":" + String.format("%012d", sequence));
		entry.put("holderId", holder);
		entry.put("sequence", sequence);
		entry.put("at", Date.from(NOW.minus(Duration.ofMinutes(i))));
		return entry;
	}

	static Document scan(Document template, int i, int residents) {
		Document scan = copy(template);
		scan.put("_id", String.format("scale-s-%07d", i));
		scan.put("holderId", residentId(i % residents));
		scan.put("at", Date.from(NOW.minus(Duration.ofSeconds(i))));
		return scan;
	}

	private static Document copy(Document template) {
		Document copy = new Document();
		template.forEach((key, value) -> copy.put(key, copyValue(value)));
		return copy;
	}

	private static Object copyValue(Object value) {
		if (value instanceof Document document) {
			return copy(document);
		}
		if (value instanceof List<?> list) {
			return list.stream().map(ScaleOverlay::copyValue).toList();
		}
		return value;
	}

}
