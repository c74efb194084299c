package cn.tongban.support;

import java.net.URI;
import java.util.Map;

import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

import reactor.core.publisher.Mono;

/** graphql-ws clients of the running test server, signed in the way apps do it (connection_init). */
public final class WebSocketClients {

	private WebSocketClients() {
	}

	/** A client of ws://localhost:port/graphql; the token, when given, goes in connection_init's payload. */
	public static WebSocketGraphQlClient client(int port, String token) {
		WebSocketGraphQlClientInterceptor authorization = new WebSocketGraphQlClientInterceptor() {
			@Override
			public Mono<Object> connectionInitPayload() {
				return (token != null) ? Mono.just(Map.of("Authorization", "Bearer " + token)) : Mono.empty();
			}
		};
		return WebSocketGraphQlClient.builder(URI.create("ws://localhost:" + port + "/graphql"), new StandardWebSocketClient())
			.interceptor(authorization)
			.build();
	}

}
