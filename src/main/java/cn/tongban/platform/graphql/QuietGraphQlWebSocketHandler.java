package cn.tongban.platform.graphql;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * graphql-ws without log floods: a client that keeps sending after its connection was refused
 * (4401) or broke the protocol made Spring's exception decorator log an ERROR with a trace for
 * every message. Here the first failure of a connection is one WARN line without a trace and the
 * connection is closed (4400); messages after that, or on a closed session, are dropped.
 */
class QuietGraphQlWebSocketHandler extends GraphQlWebSocketHandler {

	private static final Logger log = LoggerFactory.getLogger(QuietGraphQlWebSocketHandler.class);

	private static final CloseStatus PROTOCOL_ERROR = new CloseStatus(4400, "Invalid message");

	/** Sessions that failed once; removed when the connection closes. */
	private final Set<String> failed = ConcurrentHashMap.newKeySet();

	QuietGraphQlWebSocketHandler(WebGraphQlHandler handler, HttpMessageConverter<Object> converter,
			Duration initTimeout, Duration keepAlive) {
		super(handler, converter, initTimeout, keepAlive);
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
		if (!session.isOpen() || this.failed.contains(session.getId())) {
			return;
		}
		try {
			super.handleTextMessage(session, message);
		}
		catch (Exception ex) {
			if (this.failed.add(session.getId())) {
				log.warn("graphql-ws connection {} from {} closed: {}: {}", session.getId(),
						session.getRemoteAddress(), ex.getClass().getSimpleName(),
						InputEcho.bounded(String.valueOf(ex.getMessage())));
			}
			closeQuietly(session);
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		this.failed.remove(session.getId());
		super.afterConnectionClosed(session, status);
	}

	private static void closeQuietly(WebSocketSession session) {
		try {
			if (session.isOpen()) {
				session.close(PROTOCOL_ERROR);
			}
		}
		catch (IOException alreadyGone) {
			// the client left first
		}
	}

}
