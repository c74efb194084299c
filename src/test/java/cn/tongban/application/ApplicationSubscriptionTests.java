package cn.tongban.application;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.tongban.support.Tokens;
import cn.tongban.support.WebSocketClients;
import cn.tongban.support.WebServerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.WebSocketGraphQlClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** graphql-ws over a real WebSocket: my application's status changes arrive as they happen. */
@WebServerIntegrationTest
class ApplicationSubscriptionTests {

	static final String UPDATES = "subscription { applicationUpdates { applicationId status kind version } }";

	@LocalServerPort
	int port;

	@Autowired
	Tokens tokens;

	@Test
	void theApplicantSeesEachStatusChange() throws Exception {
		String resident = this.tokens.resident("13800000003");
		CompletableFuture<List<String>> received = client(resident).document(UPDATES)
			.executeSubscription()
			.map((response) -> response.field("applicationUpdates.kind").getValue() + "/"
					+ response.field("applicationUpdates.status").getValue())
			.take(3)
			.collectList()
			.toFuture();
		TimeUnit.MILLISECONDS.sleep(500);
		String id = this.tokens.as(resident)
			.document("mutation { submitApplication(input: {bundle: \"SEAMLESS_AUTH\", formValues: [], idempotencyKey: \"live-0001\"}) { application { id tasks { id } } } }")
			.execute()
			.path("submitApplication.application.id")
			.entity(String.class)
			.get();
		String staff = this.tokens.staff("RS");
		for (String action : List.of("acceptTask", "requestSupplement")) {
			this.tokens.as(staff)
				.document("mutation($i: TaskActionInput!) { " + action + "(input: $i) { application { status } } }")
				.variable("i", Map.of("applicationId", id, "taskId", "t1", "reason", "请补充材料"))
				.execute()
				.path(action + ".application.status")
				.hasValue();
		}
		assertThat(received.get(10, TimeUnit.SECONDS)).containsExactly("SUBMITTED/SUBMITTED",
				"TASK_ACCEPTED/IN_PROGRESS", "SUPPLEMENT_REQUESTED/SUPPLEMENT_REQUIRED");
	}

	@Test
	void messagesAfterARefusedConnectionLogNoErrors() throws Exception {
		ListAppender<ILoggingEvent> logs = new ListAppender<>();
		logs.start();
		Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
		root.addAppender(logs);
		try {
			for (String token : new String[] { "Bearer forged.token.here", null }) {
				CompletableFuture<Integer> closed = new CompletableFuture<>();
				WebSocket socket = HttpClient.newHttpClient()
					.newWebSocketBuilder()
					.subprotocols("graphql-transport-ws")
					.buildAsync(URI.create("ws://127.0.0.1:" + this.port + "/graphql"), new WebSocket.Listener() {
						@Override
						public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
							closed.complete(statusCode);
							return null;
						}
					})
					.get(5, TimeUnit.SECONDS);
				String init = (token != null) ? "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"" + token + "\"}}"
						: "{\"type\":\"subscribe\",\"id\":\"0\",\"payload\":{\"query\":\"" + UPDATES + "\"}}";
				socket.sendText(init, true).get(5, TimeUnit.SECONDS);
				for (int i = 1; i <= 20; i++) {
					try {
						socket.sendText("{\"type\":\"subscribe\",\"id\":\"" + i + "\",\"payload\":{\"query\":\"" + UPDATES
								+ "\"}}", true).get(5, TimeUnit.SECONDS);
					}
					catch (Exception closedAlready) {
						break;
					}
				}
				assertThat(closed.get(10, TimeUnit.SECONDS)).isBetween(4400, 4499);
			}
			TimeUnit.MILLISECONDS.sleep(500);
		}
		finally {
			root.detachAppender(logs);
		}
		assertThat(logs.list).noneMatch((event) -> event.getLevel().isGreaterOrEqual(Level.ERROR));
		assertThat(logs.list.stream().filter((event) -> event.getLoggerName().contains("graphql")))
			.as("at most one line per connection").hasSizeLessThanOrEqualTo(2);
	}

	@Test
	void withoutATokenThereIsNoSubscription() {
		assertThatThrownBy(() -> client(null).document(UPDATES).executeSubscription().blockFirst(Duration.ofSeconds(5)))
			.hasMessageContaining("UNAUTHORIZED");
	}

	@Test
	void staffCannotSubscribeToApplicantsUpdates() {
		assertThatThrownBy(() -> client(this.tokens.staff("RS")).document(UPDATES)
			.executeSubscription()
			.blockFirst(Duration.ofSeconds(5))).hasMessageContaining("FORBIDDEN");
	}

	private WebSocketGraphQlClient client(String token) {
		return WebSocketClients.client(this.port, token);
	}

}
