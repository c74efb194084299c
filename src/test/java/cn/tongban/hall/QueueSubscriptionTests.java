package cn.tongban.hall;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import cn.tongban.support.Tokens;
import cn.tongban.support.WebServerIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A walk-in follows their ticket over graphql-ws, with nothing but its id, until a window calls it. */
@WebServerIntegrationTest
class QueueSubscriptionTests {

	@LocalServerPort
	int port;

	@Autowired
	Tokens tokens;

	@Test
	void theTicketsHolderSeesThePeopleAheadShrinkAndTheCall() throws Exception {
		var kiosk = this.tokens.as(this.tokens.client("terminal-kiosk-370200-c-01", "terminal-demo-secret"));
		String take = "mutation { takeQueueTicket(input: {windowGroup: \"C\"}) { ticket { id number } } }";
		kiosk.document(take).execute();
		String mine = kiosk.document(take).execute().path("takeQueueTicket.ticket.id").entity(String.class).get();

		WebSocketGraphQlClient anonymous = WebSocketGraphQlClient
			.builder(URI.create("ws://localhost:" + this.port + "/graphql"), new StandardWebSocketClient())
			.build();
		CompletableFuture<List<String>> seen = anonymous
			.document("subscription($id: ID!) { queueTicketUpdates(id: $id) { status peopleAhead window } }")
			.variable("id", mine)
			.executeSubscription()
			.map((r) -> r.field("queueTicketUpdates.status").getValue() + "/" + r.field("queueTicketUpdates.peopleAhead").getValue()
					+ "/" + r.field("queueTicketUpdates.window").getValue())
			.timeout(Duration.ofSeconds(20))
			.collectList()
			.toFuture();
		TimeUnit.MILLISECONDS.sleep(500);
		var window = this.tokens.as(this.tokens.staff("XZ"));
		String call = "mutation { callNextTicket(input: {hall: \"370200-C\", windowGroup: \"C\", window: \"07\"}) { ticket { number } } }";
		window.document(call).execute();
		TimeUnit.MILLISECONDS.sleep(2_500);
		window.document(call).execute();

		assertThat(seen.get(20, TimeUnit.SECONDS)).containsExactly("WAITING/1/null", "WAITING/0/null", "CALLED/null/07");
	}

}
