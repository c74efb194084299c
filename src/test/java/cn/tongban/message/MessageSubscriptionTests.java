package cn.tongban.message;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import cn.tongban.support.Tokens;
import cn.tongban.support.WebSocketClients;
import cn.tongban.support.WebServerIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.WebSocketGraphQlClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** graphql-ws over a real WebSocket: my new messages arrive as they are posted, nobody else's. */
@WebServerIntegrationTest
class MessageSubscriptionTests {

	static final String ADDED = "subscription { messageAdded { id kind title body link createdAt readAt } }";

	@LocalServerPort
	int port;

	@Autowired
	Tokens tokens;

	@Autowired
	MessageCentre centre;

	@Test
	void myNewMessagesArriveAndNobodyElses() throws Exception {
		String resident = this.tokens.resident("13800000005");
		String holder = this.tokens.subjectId(resident);
		CompletableFuture<List<Map<String, Object>>> received = client(resident).document(ADDED)
			.executeSubscription()
			.map((response) -> response.field("messageAdded").<Map<String, Object>>getValue())
			.take(2)
			.collectList()
			.toFuture();
		TimeUnit.MILLISECONDS.sleep(500);
		this.centre.post("live:someone-else", "psn_someone_else", MessageKind.CERTIFICATE, "别人的消息", "正文", null);
		this.centre.post("live:1", holder, MessageKind.CERTIFICATE, "证照将到期", "您的证照将于 30 日内到期。", "certificate:crt_1");
		this.centre.post("live:1", holder, MessageKind.CERTIFICATE, "证照将到期", "重复投递不再推送。", "certificate:crt_1");
		this.centre.post("live:2", holder, MessageKind.APPLICATION, "办件已受理", "办件已受理。", null);
		List<Map<String, Object>> messages = received.get(10, TimeUnit.SECONDS);
		assertThat(messages).extracting((m) -> m.get("id")).containsExactly("live:1", "live:2");
		assertThat(messages.get(0)).containsEntry("kind", "CERTIFICATE")
			.containsEntry("title", "证照将到期")
			.containsEntry("link", "certificate:crt_1")
			.containsEntry("readAt", null);
		assertThat(messages.get(1)).containsEntry("link", null);
	}

	@Test
	void onlyResidentsSubscribe() {
		assertThatThrownBy(() -> client(null).document(ADDED).executeSubscription().blockFirst(Duration.ofSeconds(5)))
			.hasMessageContaining("UNAUTHORIZED");
		assertThatThrownBy(() -> client(this.tokens.staff("RS")).document(ADDED)
			.executeSubscription()
			.blockFirst(Duration.ofSeconds(5))).hasMessageContaining("FORBIDDEN");
	}

	private WebSocketGraphQlClient client(String token) {
		return WebSocketClients.client(this.port, token);
	}

}
