package cn.tongban.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acknowledged means durable: the packaged service on its embedded database is killed with SIGKILL
 * at a random moment under write load (submissions, staff accepts, single-use bus scans), three
 * times, and every write it acknowledged is found after each restart on the same data folder:
 * each submission, each accept, each single-use code's replay claim, each usage-log entry of a
 * bank's verification (the holder's hash chain still intact).
 */
class CrashDurabilityIT {

	static final String SUBMIT = "mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { application { id } } }";

	static final String ACCEPT = "mutation($i: TaskActionInput!) { acceptTask(input: $i) { application { id tasks { status } } } }";

	static final String SCAN = "mutation($i: ScanCodeInput!) { scanCode(input: $i) { issuerId } }";

	static final String ITEM = "370202QR0020001000";

	static final String VERIFY = """
			mutation { verifyCertificate(input: {holderIdNumber: "370202199207082460", certificateType: "GA-001",
			  purpose: "ICBC-ACCOUNT-OPENING"}) { genuine } }""";

	static final String USAGE = "{ myCertificateUsage(first: 1) { totalCount } verifyMyCertificateUsage { intact entries } }";

	@TempDir
	Path temp;

	final Queue<String> submitted = new ConcurrentLinkedQueue<>();

	final Queue<String> toAccept = new ConcurrentLinkedQueue<>();

	final Queue<String> accepted = new ConcurrentLinkedQueue<>();

	final Queue<Scanned> scanned = new ConcurrentLinkedQueue<>();

	final AtomicInteger verified = new AtomicInteger();

	/** The verified holder's (李娜's) usage-log entries before the first load. */
	long usageBefore;

	@Test
	void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
		Path work = Files.createDirectory(this.temp.resolve("crash"));
		int port = ServiceProcess.freePort();
		String[] args = { "--tongban.rate-limit.enabled=false" };
		String resident;
		String staff;
		String bus;
		String holder;
		String bank;
		try (ServiceProcess first = ServiceProcess.start(work, port, Map.of(), List.of(), args)) {
			assertThat(first.awaitHealthy(Duration.ofSeconds(180))).as(first.log.toString()).isTrue();
			resident = first.resident("13800000004");
			staff = first.staff("staff.rs");
			bus = first.terminal("terminal-bus-k1-0001");
			holder = first.resident("13800000002");
			first.graphQl(holder, "mutation { grantConsent(input: {purpose: \"ICBC-ACCOUNT-OPENING\", days: 30}) { consent { id } } }",
					Map.of());
			bank = first.token("icbc-qingdao", "icbc-demo-secret", "grant_type=client_credentials");
			this.usageBefore = first.graphQl(holder, USAGE, Map.of()).path("data").path("myCertificateUsage")
				.path("totalCount").asLong(-1);
			assertThat(this.usageBefore).isNotNegative();
			load(first, resident, staff, bus, bank, 1);
		}
		for (int round = 2; round <= 3; round++) {
			try (ServiceProcess service = ServiceProcess.start(work, port, Map.of(), List.of(), args)) {
				assertThat(service.awaitHealthy(Duration.ofSeconds(120))).as(service.log.toString()).isTrue();
				verify(service, resident, bus, holder);
				load(service, resident, staff, bus, bank, round);
			}
		}
		try (ServiceProcess last = ServiceProcess.start(work, port, Map.of(), List.of(), args)) {
			assertThat(last.awaitHealthy(Duration.ofSeconds(120))).as(last.log.toString()).isTrue();
			verify(last, resident, bus, holder);
		}
		assertThat(this.submitted).as("acknowledged submissions").hasSizeGreaterThan(20);
		assertThat(this.accepted).as("acknowledged accepts").isNotEmpty();
		assertThat(this.scanned).as("acknowledged single-use scans").hasSizeGreaterThan(10);
		assertThat(this.verified).as("acknowledged verifications").hasValueGreaterThan(10);
	}

	/** Writers on four threads, then SIGKILL at a random moment while they run. */
	private void load(ServiceProcess service, String resident, String staff, String bus, String bank, int round)
			throws Exception {
		ExecutorService writers = Executors.newFixedThreadPool(6);
		AtomicInteger sequence = new AtomicInteger();
		for (int w = 0; w < 2; w++) {
			writers.submit(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					String key = "crash-" + round + "-" + sequence.incrementAndGet() + "-" + System.nanoTime() % 100000;
					JsonNode answer = service.graphQl(resident, SUBMIT, Map.of("i", Map.of("item", ITEM,
							"idempotencyKey", key, "formValues",
							List.of(Map.of("key", "employerName", "value", "青岛海蓝数字科技有限公司")))));
					String id = answer.path("data").path("submitApplication").path("application").path("id").asString("");
					if (!id.isEmpty() && !answer.has("errors")) {
						this.submitted.add(id);
						this.toAccept.add(id);
					}
				}
				return null;
			});
		}
		writers.submit(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				String id = this.toAccept.poll();
				if (id == null) {
					Thread.sleep(5);
					continue;
				}
				JsonNode answer = service.graphQl(staff, ACCEPT, Map.of("i", Map.of("applicationId", id, "taskId", "t1")));
				if (!answer.has("errors") && answer.path("data").path("acceptTask").isObject()) {
					this.accepted.add(id);
				}
			}
			return null;
		});
		writers.submit(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				JsonNode issued = ServiceProcess.json.readTree(
						service.get("/dev/provincial-code?mobile=13800000004&count=5", null).body());
				for (JsonNode code : issued.path("codes")) {
					JsonNode answer = service.graphQl(bus, SCAN, Map.of("i", Map.of("code", code.asString())));
					if (!answer.has("errors") && answer.path("data").path("scanCode").isObject()) {
						this.scanned.add(new Scanned(code.asString(), System.nanoTime()));
					}
				}
			}
			return null;
		});
		for (int v = 0; v < 2; v++) {
			writers.submit(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					JsonNode answer = service.graphQl(bank, VERIFY, Map.of());
					if (!answer.has("errors") && answer.path("data").path("verifyCertificate").path("genuine").asBoolean()) {
						this.verified.incrementAndGet();
					}
				}
				return null;
			});
		}
		Thread.sleep(1000 + ThreadLocalRandom.current().nextInt(2000));
		service.kill();
		writers.shutdownNow();
		writers.awaitTermination(30, TimeUnit.SECONDS);
	}

	private void verify(ServiceProcess service, String resident, String bus, String holder) throws Exception {
		List<String> lost = new ArrayList<>();
		for (String id : this.submitted) {
			JsonNode answer = service.graphQl(resident, "query($id: ID!) { application(id: $id) { id tasks { status } } }",
					Map.of("id", id));
			if (!id.equals(answer.path("data").path("application").path("id").asString(""))) {
				lost.add("submission " + id + ": " + answer);
			}
			else if (this.accepted.contains(id)
					&& "PENDING".equals(answer.path("data").path("application").path("tasks").path(0).path("status").asString())) {
				lost.add("accept of " + id);
			}
		}
		int replayChecked = 0;
		for (Scanned scan : this.scanned) {
			JsonNode answer = service.graphQl(bus, SCAN, Map.of("i", Map.of("code", scan.code())));
			String code = answer.path("errors").path(0).path("extensions").path("code").asString("ACCEPTED");
			if ("ACCEPTED".equals(code)) {
				lost.add("replay claim of a single-use code (accepted twice)");
			}
			else if ("CODE_REPLAYED".equals(code)) {
				replayChecked++;
			}
		}
		JsonNode usage = service.graphQl(holder, USAGE, Map.of()).path("data");
		long logged = usage.path("myCertificateUsage").path("totalCount").asLong(-1) - this.usageBefore;
		if (logged < this.verified.get()) {
			lost.add("usage-log entries of acknowledged verifications: " + logged + " of " + this.verified.get());
		}
		if (!usage.path("verifyMyCertificateUsage").path("intact").asBoolean()) {
			lost.add("the holder's usage chain is broken: " + usage);
		}
		assertThat(lost).as("acknowledged writes lost after SIGKILL; log " + service.log).isEmpty();
		assertThat(replayChecked).as("codes still valid enough to prove their replay claims").isPositive();
	}

	record Scanned(String code, long at) {
	}

}
