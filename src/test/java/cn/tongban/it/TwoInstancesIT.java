package cn.tongban.it;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the packaged service on one database, as behind a load balancer: a subscriber
 * on B sees A's change, a resident's burst split across both is limited once, the certificate
 * follow-up runs each batch once, B finds an item created on A within 2 s, and killing the instance
 * running the follow-up lets the other finish it with nothing lost or doubled.
 *
 * <p>
 * The database is served by this test's process (the same MongoDB-compatible server the embedded
 * default uses), so either instance can be killed while it stays up; both reach it by
 * {@code MONGODB_URI} through the real driver, and share the key files (a mounted secret in a real
 * deployment) through one data folder.
 */
class TwoInstancesIT {

	static final String SUBMIT = "mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { application { id status } } }";

	static final String ITEM = "370202QR0020003000";

	@TempDir
	Path temp;

	MongoServer server;

	MongoClient client;

	MongoDatabase database;

	String uri;

	@BeforeEach
	void startDatabase() {
		// the database's own connection log would bury the services' output
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("de.bwaldvogel")).setLevel(Level.WARN);
		// and its copy of every refused command (each contested job lease is a duplicate key)
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("de.bwaldvogel.mongo.wire.MongoWireProtocolHandler"))
			.setLevel(Level.OFF);
		this.server = new MongoServer(new MemoryBackend());
		int port = ServiceProcess.freePort();
		this.server.bind("127.0.0.1", port);
		this.uri = "mongodb://127.0.0.1:" + port + "/tongban";
		this.client = MongoClients.create(this.uri);
		this.database = this.client.getDatabase("tongban");
	}

	@AfterEach
	void stopDatabase() {
		this.client.close();
		this.server.shutdownNow();
	}

	private ServiceProcess instance(String name) throws Exception {
		Path work = Files.createDirectories(this.temp.resolve(name));
		return ServiceProcess.start(work, ServiceProcess.freePort(),
				Map.of("MONGODB_URI", this.uri, "TONGBAN_DATA_DIR", this.temp.resolve("shared-keys").toString()),
				List.of(), "--tongban.rate-limit.per-minute.RESIDENT=40", "--tongban.application.follow-up-interval=1s",
				"--tongban.application.follow-up-batch=400", "--tongban.jobs.lease=4s");
	}

	@Test
	void twoInstancesOnOneDatabaseBehaveAsOne() throws Exception {
		try (ServiceProcess a = instance("a")) {
			assertThat(a.awaitHealthy(Duration.ofSeconds(180))).as(a.log.toString()).isTrue();
			// B starts on the seeded database (and the key files A made)
			try (ServiceProcess b = instance("b")) {
				assertThat(b.awaitHealthy(Duration.ofSeconds(180))).as(b.log.toString()).isTrue();
				aSubscriberOnBSeesAChangeMadeOnA(a, b);
				bFindsAnItemCreatedOnAWithinTwoSeconds(a, b);
				aBurstSplitAcrossBothIsLimitedOnce(a, b);
				String completed = completedApplication(a);
				theFollowUpRunsEachBatchOnce(completed);
				killingTheInstanceRunningTheFollowUpLetsTheOtherFinishIt(completed, a, b);
			}
		}
	}

	/**
	 * graphql-ws does not acknowledge a subscription, so the first submissions may happen before B
	 * has registered it: submit on A until B's subscriber sees one, and time that one.
	 */
	private void aSubscriberOnBSeesAChangeMadeOnA(ServiceProcess a, ServiceProcess b) throws Exception {
		String resident = a.resident("13800000003");
		BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
		Disposable subscription = subscriber(b, resident)
			.document("subscription { applicationUpdates { applicationId status kind } }")
			.executeSubscription()
			.map((response) -> response.field("applicationUpdates").<Map<String, Object>>getValue())
			.subscribe(received::add);
		try {
			for (int attempt = 1; attempt <= 10; attempt++) {
				JsonNode submitted = a.graphQl(resident, SUBMIT, Map.of("i", submission("two-instances-live-" + attempt)));
				long answered = System.nanoTime();
				String id = submitted.path("data").path("submitApplication").path("application").path("id").asString("");
				assertThat(id).as(submitted.toString()).isNotEmpty();
				Map<String, Object> change = received.poll(3, TimeUnit.SECONDS);
				if (change == null) {
					continue; // not subscribed yet
				}
				long late = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - answered);
				assertThat(change).containsEntry("applicationId", id).containsEntry("kind", "SUBMITTED");
				assertThat(late).as("ms from A's answer to B's subscriber").isLessThan(1000);
				System.out.printf("two instances: B's subscriber had A's change %d ms after A answered (try %d)%n", late,
						attempt);
				return;
			}
			throw new AssertionError("B's subscriber saw none of ten submissions made on A");
		}
		finally {
			subscription.dispose();
		}
	}

	private void bFindsAnItemCreatedOnAWithinTwoSeconds(ServiceProcess a, ServiceProcess b) throws Exception {
		String admin = a.staff("admin");
		Map<String, Object> input = new HashMap<>();
		input.put("basicCode", "GG0040977000");
		input.put("region", "370285");
		input.put("name", "海岛灯塔看护补贴");
		input.put("type", "PUBLIC_SERVICE");
		input.put("department", "MZ");
		input.put("targets", List.of("NATURAL_PERSON"));
		input.put("lifeEvents", List.of("ASSISTANCE"));
		input.put("legalTimeLimitDays", 30);
		input.put("promisedTimeLimitDays", 10);
		input.put("materials", List.of(Map.of("name", "居民身份证", "form", "ORIGINAL", "certificateTypeCode", "GA-001",
				"required", true, "copies", 1)));
		input.put("channels", List.of("MOBILE", "COUNTER"));
		input.put("visitsRequired", 0);
		JsonNode created = a.graphQl(admin,
				"mutation($input: CreateServiceItemInput!) { createServiceItem(input: $input) { serviceItem { code } } }",
				Map.of("input", input));
		String code = created.path("data").path("createServiceItem").path("serviceItem").path("code").asString();
		assertThat(code).as(created.toString()).isEqualTo("370285GG0040977000");
		long start = System.nanoTime();
		String found = "";
		while (!found.equals(code) && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10)) {
			found = b.graphQl(null, "{ serviceItems(query: \"灯塔看护\", first: 1) { nodes { code } } }", Map.of())
				.path("data").path("serviceItems").path("nodes").path(0).path("code").asString("");
			Thread.sleep(50);
		}
		assertThat(found).isEqualTo(code);
		long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		assertThat(took).as("ms until B found it").isLessThan(2000);
		System.out.printf("two instances: B found the item created on A after %d ms%n", took);
	}

	private void aBurstSplitAcrossBothIsLimitedOnce(ServiceProcess a, ServiceProcess b) throws Exception {
		String resident = a.resident("13800000006");
		int accepted = 0;
		long start = System.nanoTime();
		for (int i = 0; i < 90; i++) {
			HttpResponse<String> answer = ((i % 2 == 0) ? a : b).post(resident, "{\"query\":\"{ __typename }\"}");
			if (answer.statusCode() == 200) {
				accepted++;
				assertThat(answer.headers().firstValue("X-RateLimit-Limit")).hasValue("40");
			}
			else {
				assertThat(answer.statusCode()).isEqualTo(429);
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		// 40 a minute, refilled continuously: 40 at once plus what came back while the burst ran
		assertThat(accepted).isBetween(40, 40 + (int) Math.ceil(seconds * 40 / 60) + 1);
		System.out.printf("two instances: %d of 90 requests in %.1f s accepted on a budget of 40 a minute%n", accepted,
				seconds);
	}

	/** A single-item application (就业创业证申领, whose result is a certificate) taken through to completion. */
	private String completedApplication(ServiceProcess a) throws Exception {
		String resident = a.resident("13800000004");
		JsonNode submitted = a.graphQl(resident, SUBMIT, Map.of("i", submission("two-instances-done")));
		String id = submitted.path("data").path("submitApplication").path("application").path("id").asString("");
		assertThat(id).as(submitted.toString()).isNotEmpty();
		String staff = a.staff("staff.rs");
		for (String action : List.of("acceptTask", "approveTask")) {
			JsonNode answer = a.graphQl(staff, "mutation($i: TaskActionInput!) { " + action
					+ "(input: $i) { application { status } } }", Map.of("i", Map.of("applicationId", id, "taskId", "t1")));
			assertThat(answer.has("errors")).as(answer.toString()).isFalse();
		}
		Document application = applications().find(Filters.eq("_id", id)).first();
		assertThat(application.getString("status")).isEqualTo("COMPLETED");
		assertThat(application.getList("issuedCertificateIds", String.class)).hasSize(1);
		return id;
	}

	private static Map<String, Object> submission(String key) {
		return Map.of("item", ITEM, "idempotencyKey", key, "formValues", List.of());
	}

	/**
	 * Copies of the completed application as a crash between completing and issuing leaves them:
	 * completed a minute ago, certificates pending, none issued.
	 */
	private List<String> pendingCopies(String completed, String batch, int count) {
		Document original = applications().find(Filters.eq("_id", completed)).first();
		List<Document> copies = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Document copy = new Document(original);
			String id = "app_" + batch + "_" + new ObjectId().toHexString();
			copy.put("_id", id);
			copy.put("certificatesPending", true);
			copy.put("completedAt", new Date(System.currentTimeMillis() - 60_000));
			copy.put("issuedCertificateIds", List.of());
			copy.put("events", original.getList("events", Document.class)
				.stream()
				.filter((event) -> !"CERTIFICATE_ISSUED".equals(event.getString("type")))
				.toList());
			copies.add(copy);
			ids.add(id);
		}
		applications().insertMany(copies);
		return ids;
	}

	private void theFollowUpRunsEachBatchOnce(String completed) throws Exception {
		List<String> ids = pendingCopies(completed, "once", 60);
		awaitNonePending(ids, Duration.ofSeconds(30));
		List<Document> runs = runs();
		assertThat(runs).allSatisfy((run) -> assertThat(run.get("finishedAt")).isNotNull());
		assertThat(runs.stream().mapToInt((run) -> run.getInteger("handled")).sum())
			.as("every copy handled by exactly one run on one instance").isEqualTo(60);
		assertIssuedOnce(ids);
	}

	private void killingTheInstanceRunningTheFollowUpLetsTheOtherFinishIt(String completed, ServiceProcess a,
			ServiceProcess b) throws Exception {
		this.database.getCollection("job_runs").deleteMany(new Document());
		List<String> ids = pendingCopies(completed, "killed", 400);
		Document running = null;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (running == null && System.nanoTime() < deadline) {
			running = this.database.getCollection("job_runs")
				.find(Filters.and(Filters.eq("job", "application.certificate-follow-up"), Filters.exists("finishedAt", false)))
				.first();
			Thread.sleep(5);
		}
		assertThat(running).as("a run of the follow-up started").isNotNull();
		// and has issued part of its batch
		long pending = ids.size();
		while (pending == ids.size() && System.nanoTime() < deadline) {
			pending = applications()
				.countDocuments(Filters.and(Filters.in("_id", ids), Filters.eq("certificatesPending", true)));
		}
		String holder = running.getString("instance");
		ServiceProcess victim = holder.startsWith(a.process.pid() + "@") ? a : b;
		ServiceProcess survivor = (victim == a) ? b : a;
		assertThat(holder).startsWith(victim.process.pid() + "@");
		victim.kill();
		long pendingAtKill = applications()
			.countDocuments(Filters.and(Filters.in("_id", ids), Filters.eq("certificatesPending", true)));
		assertThat(pendingAtKill).as("killed with part of the batch left").isPositive().isLessThan(ids.size());
		long killedAt = System.nanoTime();

		awaitNonePending(ids, Duration.ofSeconds(60));
		System.out.printf("two instances: killed the follow-up's holder with %d of 400 left; the other finished them %d ms later%n",
				pendingAtKill, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));
		List<Document> runs = runs();
		assertThat(runs).filteredOn((run) -> run.getString("instance").equals(holder))
			.singleElement()
			.satisfies((run) -> assertThat(run.get("finishedAt")).as("the killed run never finished").isNull());
		assertThat(runs).filteredOn((run) -> run.get("finishedAt") != null)
			.isNotEmpty()
			.allSatisfy((run) -> assertThat(run.getString("instance")).startsWith(survivor.process.pid() + "@"));
		assertIssuedOnce(ids);
	}

	private void awaitNonePending(List<String> ids, Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		long pending = Long.MAX_VALUE;
		while (pending > 0 && System.nanoTime() < deadline) {
			pending = applications()
				.countDocuments(Filters.and(Filters.in("_id", ids), Filters.eq("certificatesPending", true)));
			Thread.sleep(100);
		}
		assertThat(pending).as("copies still waiting for their certificates").isZero();
	}

	/** Each copy has its one certificate, recorded once on the application. */
	private void assertIssuedOnce(List<String> ids) {
		MongoCollection<Document> certificates = this.database.getCollection("certificates");
		for (String id : ids) {
			assertThat(certificates.countDocuments(Filters.eq("sourceApplicationId", id))).as(id).isEqualTo(1);
			Document application = applications().find(Filters.eq("_id", id)).first();
			assertThat(application.getList("issuedCertificateIds", String.class)).as(id).hasSize(1);
			assertThat(application.getList("events", Document.class))
				.filteredOn((event) -> "CERTIFICATE_ISSUED".equals(event.getString("type")))
				.as(id)
				.hasSize(1);
		}
	}

	private List<Document> runs() {
		return this.database.getCollection("job_runs")
			.find(Filters.eq("job", "application.certificate-follow-up"))
			.into(new ArrayList<>());
	}

	private MongoCollection<Document> applications() {
		return this.database.getCollection("applications");
	}

	private static WebSocketGraphQlClient subscriber(ServiceProcess service, String token) {
		WebSocketGraphQlClientInterceptor authorization = new WebSocketGraphQlClientInterceptor() {
			@Override
			public Mono<Object> connectionInitPayload() {
				return Mono.just(Map.of("Authorization", "Bearer " + token));
			}
		};
		return WebSocketGraphQlClient
			.builder(URI.create(service.baseUrl.replace("http://", "ws://") + "/graphql"), new StandardWebSocketClient())
			.interceptor(authorization)
			.build();
	}

}
