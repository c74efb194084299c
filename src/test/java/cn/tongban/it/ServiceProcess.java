package cn.tongban.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged service as it ships, started by its launch folder's {@code run} script
 * ({@code tongban.launch}, set by the failsafe plugin: the extracted jar and its AOT cache), as a
 * child process on a loopback port, with its output in a log file, and the calls the integration
 * tests make on it.
 */
final class ServiceProcess implements AutoCloseable {

	static final JsonMapper json = JsonMapper.builder().build();

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final Process process;

	final Path log;

	final String baseUrl;

	private ServiceProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	static Path launchScript() {
		Path run = Path.of(System.getProperty("tongban.launch", "target/tongban")).resolve("run");
		if (!Files.isExecutable(run)) {
			throw new IllegalStateException("Package the service first (mvn package): " + run.toAbsolutePath());
		}
		return run;
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts the service; {@code prefix} runs it inside another command (e.g. unshare), {@code env} adds variables. */
	static ServiceProcess start(Path workDir, int port, Map<String, String> env, List<String> prefix, String... args) {
		List<String> command = new ArrayList<>(prefix);
		command.addAll(List.of(launchScript().toAbsolutePath().toString(), "--server.port=" + port,
				"--server.address=127.0.0.1"));
		command.addAll(List.of(args));
		try {
			Files.createDirectories(workDir);
			Path log = Files.createTempFile(workDir.getParent(), "service-", ".log");
			ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().keySet().removeIf((key) -> key.startsWith("TONGBAN_") || key.equals("MONGODB_URI")
					|| key.equals("SPRING_PROFILES_ACTIVE"));
			builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
			builder.environment().put("JAVA_OPTS", "-Xmx512m");
			builder.environment().putAll(env);
			return new ServiceProcess(builder.start(), log, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Waits for health UP; false when the process died or time ran out. */
	boolean awaitHealthy(Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline && this.process.isAlive()) {
			try {
				HttpResponse<String> health = get("/actuator/health", null);
				if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
					return true;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		return false;
	}

	int awaitExit(Duration limit) throws InterruptedException {
		if (!this.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
			this.process.destroyForcibly().waitFor();
			throw new AssertionError("still running after " + limit + "; log " + this.log);
		}
		return this.process.exitValue();
	}

	/** SIGKILL: no shutdown hook, no flush. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	String output() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path)).timeout(Duration.ofSeconds(10));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** POST /graphql with a JSON body as it is; the whole HTTP answer (status, headers). */
	HttpResponse<String> post(String token, String body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/graphql"))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** POST /graphql; the parsed answer. */
	JsonNode graphQl(String token, String query, Map<String, Object> variables) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/graphql"))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(
					json.writeValueAsBytes(Map.of("query", query, "variables", variables))));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return json.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
	}

	String token(String clientId, String secret, String form) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/oauth2/token"))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		JsonNode answer = json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
		if (!answer.has("access_token")) {
			throw new AssertionError("no token: " + answer);
		}
		return answer.get("access_token").asString();
	}

	/** A resident's token through the SMS code in the dev outbox. */
	String resident(String mobile) throws IOException, InterruptedException {
		graphQl(null, "mutation($m: String!) { requestLoginCode(input: {mobile: $m}) { maskedMobile } }",
				Map.of("m", mobile));
		JsonNode outbox = json.readTree(get("/dev/sms-outbox?mobile=" + mobile, null).body());
		String code = outbox.get(outbox.size() - 1).get("code").asString();
		return token("tongban-app", "tongban-app-demo-secret",
				"grant_type=urn:tongban:params:oauth:grant-type:sms-code&mobile=" + mobile + "&code=" + code);
	}

	String staff(String username) throws IOException, InterruptedException {
		return token("tongban-console", "tongban-console-demo-secret",
				"grant_type=urn:tongban:params:oauth:grant-type:account-password&username=" + username
						+ "&password=Tongban%402026");
	}

	String terminal(String clientId) throws IOException, InterruptedException {
		return token(clientId, "terminal-demo-secret", "grant_type=client_credentials");
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
	}

}
