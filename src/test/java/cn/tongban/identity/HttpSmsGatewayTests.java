package cn.tongban.identity;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP SMS gateway adapter against a local HTTP server: accepted, refused, slow, down; never the code in a log. */
class HttpSmsGatewayTests {

	static final String CODE = "482913";

	final JsonMapper json = JsonMapper.builder().build();

	final Clock clock = Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC);

	final List<Received> received = new CopyOnWriteArrayList<>();

	final AtomicInteger calls = new AtomicInteger();

	volatile Answer answer = (exchange) -> reply(exchange, 200, "{\"code\": \"OK\", \"bizId\": \"1\"}");

	HttpServer server;

	ListAppender<ILoggingEvent> logs;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/sms/send", (exchange) -> {
			this.calls.incrementAndGet();
			byte[] body = exchange.getRequestBody().readAllBytes();
			this.received.add(new Received(exchange.getRequestHeaders().getFirst("X-App-Key"),
					exchange.getRequestHeaders().getFirst("X-Timestamp"), exchange.getRequestHeaders().getFirst("X-Nonce"),
					exchange.getRequestHeaders().getFirst("X-Signature"), body));
			this.answer.handle(exchange);
		});
		this.server.start();
		this.logs = new ListAppender<>();
		this.logs.start();
		((Logger) LoggerFactory.getLogger(HttpSmsGateway.class)).addAppender(this.logs);
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
		((Logger) LoggerFactory.getLogger(HttpSmsGateway.class)).detachAppender(this.logs);
	}

	@Test
	void aMessageIsPostedSignedWithTheTemplateAndItsParameters() {
		HttpSmsGateway gateway = gateway(Duration.ofSeconds(2), 2);
		gateway.send(SmsMessage.loginCode("13800000001", CODE, 5));
		assertThat(this.received).hasSize(1);
		Received request = this.received.get(0);
		JsonNode body = this.json.readTree(request.body());
		assertThat(body.path("mobile").asString()).isEqualTo("13800000001");
		assertThat(body.path("templateId").asString()).isEqualTo("SMS_LOGIN_01");
		assertThat(body.path("signName").asString()).isEqualTo("通办");
		assertThat(body.path("params").path("code").asString()).isEqualTo(CODE);
		assertThat(request.appKey()).isEqualTo("tongban");
		assertThat(request.timestamp()).isEqualTo("1796198400");
		assertThat(request.signature()).isEqualTo(gateway.signature(request.timestamp(), request.nonce(), request.body()));
		assertNoCodeLogged();
	}

	@Test
	void aRefusalIsAClearErrorAndNotRetried() {
		this.answer = (exchange) -> reply(exchange, 400, "{\"code\": \"isv.MOBILE_NUMBER_ILLEGAL\"}");
		assertThatThrownBy(() -> gateway(Duration.ofSeconds(2), 3).send(SmsMessage.loginCode("13800000001", CODE, 5)))
			.isInstanceOf(SmsDeliveryFailed.class)
			.hasMessageContaining("HTTP 400")
			.hasMessageContaining("isv.MOBILE_NUMBER_ILLEGAL")
			.hasMessageNotContaining(CODE);
		assertThat(this.calls).hasValue(1);
		assertNoCodeLogged();
	}

	@Test
	void aGatewayErrorIsRetriedThenReported() {
		this.answer = (exchange) -> reply(exchange, 503, "<html>busy " + CODE + "</html>");
		assertThatThrownBy(() -> gateway(Duration.ofSeconds(2), 2).send(SmsMessage.loginCode("13800000001", CODE, 5)))
			.isInstanceOf(SmsDeliveryFailed.class)
			.hasMessageContaining("HTTP 503")
			.hasMessageNotContaining(CODE);
		assertThat(this.calls).hasValue(2);
		assertThat(this.logs.list).hasSize(1);
		assertNoCodeLogged();
	}

	@Test
	void aSlowGatewayTimesOut() {
		this.answer = (exchange) -> {
			try {
				Thread.sleep(1500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			reply(exchange, 200, "{\"code\": \"OK\"}");
		};
		long started = System.nanoTime();
		assertThatThrownBy(() -> gateway(Duration.ofMillis(300), 2).send(SmsMessage.loginCode("13800000001", CODE, 5)))
			.isInstanceOf(SmsDeliveryFailed.class)
			.hasMessageContaining("too slow");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1400));
		assertNoCodeLogged();
	}

	@Test
	void anUnreachableGatewayIsReported() {
		this.server.stop(0);
		assertThatThrownBy(() -> gateway(Duration.ofMillis(500), 1).send(SmsMessage.loginCode("13800000001", CODE, 5)))
			.isInstanceOf(SmsDeliveryFailed.class)
			.hasMessageContaining("unreachable");
	}

	@Test
	void aTemplateWithoutAnIdIsRefusedWithoutACall() {
		SmsMessage unknown = new SmsMessage("13800000001", "APPLICATION_APPROVED", Map.of(), "…");
		assertThatThrownBy(() -> gateway(Duration.ofSeconds(1), 1).send(unknown))
			.isInstanceOf(SmsDeliveryFailed.class)
			.hasMessageContaining("tongban.sms.gateway.templates.APPLICATION_APPROVED");
		assertThat(this.calls).hasValue(0);
	}

	@Test
	void theDevSenderNeverLogsTheText() {
		ListAppender<ILoggingEvent> devLogs = new ListAppender<>();
		devLogs.start();
		((Logger) LoggerFactory.getLogger(LoggingSmsSender.class)).addAppender(devLogs);
		DevSmsOutbox outbox = new DevSmsOutbox();
		new LoggingSmsSender(outbox, this.clock).send(SmsMessage.loginCode("13800000001", CODE, 5));
		((Logger) LoggerFactory.getLogger(LoggingSmsSender.class)).detachAppender(devLogs);
		assertThat(devLogs.list).isNotEmpty()
			.noneMatch((event) -> event.getFormattedMessage().contains(CODE));
		assertThat(outbox.to("13800000001")).singleElement().extracting(DevSmsOutbox.Message::code).isEqualTo(CODE);
	}

	private HttpSmsGateway gateway(Duration timeout, int attempts) {
		URI url = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/sms/send");
		return new HttpSmsGateway(new SmsGatewayProperties(url, "tongban", "gateway-secret", "通办",
				Map.of(SmsMessage.LOGIN_CODE, "SMS_LOGIN_01"), timeout, attempts), this.json, this.clock);
	}

	private void assertNoCodeLogged() {
		assertThat(this.logs.list).noneMatch((event) -> event.getFormattedMessage().contains(CODE));
	}

	private static void reply(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	interface Answer {

		void handle(HttpExchange exchange) throws IOException;

	}

	record Received(String appKey, String timestamp, String nonce, String signature, byte[] body) {
	}

}
