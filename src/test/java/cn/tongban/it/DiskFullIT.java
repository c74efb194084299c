package cn.tongban.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data folder on a 64 MB tmpfs in a private mount namespace (only the service's processes see
 * it): filled up, the service answers writes with STORAGE_UNAVAILABLE instead of acknowledging them
 * and health is DOWN; freed, writes are accepted again and health is UP; after SIGKILL and a
 * restart on the same folder every acknowledged write is there.
 */
class DiskFullIT {

	static final String SUBMIT = CrashDurabilityIT.SUBMIT;

	@TempDir
	Path temp;

	Process namespace;

	@AfterEach
	void leaveTheNamespace() {
		if (this.namespace != null) {
			this.namespace.destroyForcibly();
		}
	}

	@Test
	void aFullDiskRefusesWritesAndLosesNothingAcknowledged() throws Exception {
		Path work = Files.createDirectory(this.temp.resolve("full"));
		Path data = Files.createDirectory(work.resolve("data"));
		List<String> inside = privateTmpfs(data);
		int port = ServiceProcess.freePort();
		String[] args = { "--tongban.rate-limit.enabled=false", "--tongban.mongodb.embedded.data-dir=" + data };
		List<String> acknowledged = new ArrayList<>();
		String resident;
		try (ServiceProcess service = ServiceProcess.start(work, port, Map.of(), inside, args)) {
			assertThat(service.awaitHealthy(Duration.ofSeconds(180))).as(service.log.toString()).isTrue();
			resident = service.resident("13800000004");
			for (int i = 0; i < 10; i++) {
				assertThat(submit(service, resident, "before-" + i, acknowledged)).isNull();
			}
			run(inside, "dd if=/dev/zero of=" + data.resolve("filler") + " bs=1M 2>/dev/null; dd if=/dev/zero of="
					+ data.resolve("filler-small") + " bs=4k 2>/dev/null; true");
			List<String> refusals = new ArrayList<>();
			for (int i = 0; i < 400 && refusals.size() < 5; i++) {
				String refused = submit(service, resident, "full-" + i, acknowledged);
				if (refused != null) {
					refusals.add(refused);
				}
			}
			assertThat(refusals).as("writes on a full disk are refused, not acknowledged").isNotEmpty();
			assertThat(refusals).allMatch((code) -> code.equals("STORAGE_UNAVAILABLE") || code.equals("SERVICE_UNAVAILABLE"));
			assertThat(refusals).contains("STORAGE_UNAVAILABLE");
			assertThat(service.get("/actuator/health", null).body()).contains("\"DOWN\"");
			run(inside, "rm -f " + data.resolve("filler") + " " + data.resolve("filler-small"));
			assertThat(service.awaitHealthy(Duration.ofSeconds(30))).as("health UP once space returns").isTrue();
			int accepted = 0;
			for (int i = 0; i < 20 && accepted < 10; i++) {
				if (submit(service, resident, "after-" + i, acknowledged) == null) {
					accepted++;
				}
				else {
					Thread.sleep(500);
				}
			}
			assertThat(accepted).as("writes accepted again after space returned").isEqualTo(10);
			service.kill();
		}
		try (ServiceProcess restarted = ServiceProcess.start(work, port, Map.of(), inside, args)) {
			assertThat(restarted.awaitHealthy(Duration.ofSeconds(120))).as(restarted.log.toString()).isTrue();
			List<String> lost = new ArrayList<>();
			for (String id : acknowledged) {
				JsonNode answer = restarted.graphQl(resident, "query($id: ID!) { application(id: $id) { id } }",
						Map.of("id", id));
				if (!id.equals(answer.path("data").path("application").path("id").asString(""))) {
					lost.add(id);
				}
			}
			assertThat(lost).as("acknowledged submissions lost; log " + restarted.log).isEmpty();
		}
	}

	/** Null when acknowledged (the id is kept), else the error code. */
	private static String submit(ServiceProcess service, String resident, String key, List<String> acknowledged)
			throws Exception {
		JsonNode answer = service.graphQl(resident, SUBMIT, Map.of("i", Map.of("item", CrashDurabilityIT.ITEM,
				"idempotencyKey", "disk-" + key + "-" + System.nanoTime() % 100000, "formValues",
				List.of(Map.of("key", "employerName", "value", "青岛海蓝数字科技有限公司")))));
		String id = answer.path("data").path("submitApplication").path("application").path("id").asString("");
		if (!id.isEmpty() && !answer.has("errors")) {
			acknowledged.add(id);
			return null;
		}
		return answer.path("errors").path(0).path("extensions").path("code").asString("NO_CODE: " + answer);
	}

	/** A process holding a private mount namespace with a 64 MB tmpfs on {@code data}; the prefix that enters it. */
	private List<String> privateTmpfs(Path data) throws Exception {
		ProcessBuilder holder = new ProcessBuilder("unshare", "-m", "--propagation", "private", "sh", "-c",
				"mount -t tmpfs -o size=64m tmpfs '" + data + "' && echo mounted && exec sleep 900")
			.redirectErrorStream(true);
		try {
			this.namespace = holder.start();
		}
		catch (IOException ex) {
			Assumptions.abort("unshare is not available here: " + ex.getMessage());
		}
		BufferedReader out = new BufferedReader(new InputStreamReader(this.namespace.getInputStream(), StandardCharsets.UTF_8));
		String first = out.readLine();
		Assumptions.assumeTrue("mounted".equals(first), "no private tmpfs on this machine: " + first);
		return List.of("nsenter", "-t", Long.toString(this.namespace.pid()), "-m", "--");
	}

	private static void run(List<String> inside, String command) throws Exception {
		List<String> line = new ArrayList<>(inside);
		line.addAll(List.of("sh", "-c", command));
		Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
	}

}
