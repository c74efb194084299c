package cn.tongban.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

import cn.tongban.certificate.Certificate;
import cn.tongban.certificate.CertificateService;
import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.ShiftedClock;
import cn.tongban.support.ShiftedTime;
import cn.tongban.support.Tokens;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static cn.tongban.support.GraphQlErrors.onlyError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks against a local HTTP receiver: signed per Standard Webhooks and in order, retried with
 * backoff, paused after a day of failures and caught up after resuming, both secrets during a
 * rotation, disabled by 410, replayed on request, and refused to other integrators.
 */
@GraphQlIntegrationTest
@TestPropertySource(properties = { "tongban.mongodb.embedded.database=applications", "tongban.application.follow-up-interval=1h" })
@Import(ShiftedTime.class)
class WebhookTests {

	static final String REGISTER = """
			mutation($url: String!) { registerWebhookEndpoint(input: {url: $url, kinds: [CONSENT_GRANTED, CONSENT_REVOKED]}) {
			  secret endpoint { id status cursor kinds } } }""";

	static final String ENDPOINTS = "{ myWebhookEndpoints { id status failedAttempts nextAttemptAt lastError secretExpiries } }";

	/** 孙丽 (13800000007) grants and revokes consents for 中国工商银行青岛分行's account opening. */
	static final String SUN = "13800000007";

	static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	Tokens tokens;

	@Autowired
	WebhookDispatcher dispatcher;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	CertificateService certificates;

	@Autowired
	ShiftedClock clock;

	HttpServer receiver;

	final Deque<Integer> answers = new ConcurrentLinkedDeque<>();

	final List<Received> received = Collections.synchronizedList(new ArrayList<>());

	record Received(String id, String timestamp, String signature, String body) {
	}

	@BeforeEach
	void startReceiver() throws IOException {
		this.mongo.remove(new Query(), WebhookEndpoint.class);
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/hooks", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			this.received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
					exchange.getRequestHeaders().getFirst("webhook-timestamp"),
					exchange.getRequestHeaders().getFirst("webhook-signature"), new String(body, StandardCharsets.UTF_8)));
			Integer status = this.answers.poll();
			exchange.sendResponseHeaders((status != null) ? status : 204, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	@AfterEach
	void stop() {
		this.receiver.stop(0);
		this.clock.reset();
		this.mongo.remove(new Query(), WebhookEndpoint.class);
	}

	@Test
	void signedEventsArriveInOrderAndVerifyWithTheSecret() {
		GraphQlTester bank = this.tokens.as(this.tokens.integrator());
		String secret = register(bank).get("secret");
		String consentId = grant();
		revoke(consentId);
		assertThat(this.dispatcher.deliverDue()).isEqualTo(2);
		assertThat(this.received).hasSize(2);
		Map<?, ?> first = json.readValue(this.received.get(0).body(), Map.class);
		Map<?, ?> second = json.readValue(this.received.get(1).body(), Map.class);
		assertThat(first.get("type")).isEqualTo("consent.granted");
		assertThat(second.get("type")).isEqualTo("consent.revoked");
		assertThat(first.get("data")).isEqualTo(Map.of("consentId", consentId, "purpose", "ICBC-ACCOUNT-OPENING"));
		for (Received request : this.received) {
			assertThat(request.id()).startsWith("msg_");
			assertThat(request.signature()).isEqualTo("v1," + WebhookSignature.sign(secret, request.id(),
					Long.parseLong(request.timestamp()), request.body()));
			assertThat(request.signature()).isNotEqualTo("v1," + WebhookSignature.sign(secret, request.id(),
					Long.parseLong(request.timestamp()), request.body() + " "));
		}
		assertThat(this.dispatcher.deliverDue()).as("nothing twice").isZero();
	}

	@Test
	void failuresAreRetriedWithBackoffPausedAfterADayAndCaughtUpOnResume() {
		GraphQlTester bank = this.tokens.as(this.tokens.integrator());
		String endpointId = register(bank).get("id");
		String consentId = grant();
		this.answers.add(500);
		this.dispatcher.deliverDue();
		bank.document(ENDPOINTS).execute()
			.path("myWebhookEndpoints[0].failedAttempts").entity(Integer.class).isEqualTo(1)
			.path("myWebhookEndpoints[0].lastError").entity(String.class).isEqualTo("HTTP 500")
			.path("myWebhookEndpoints[0].nextAttemptAt").hasValue();
		this.dispatcher.deliverDue();
		assertThat(this.received).as("not due yet").hasSize(1);
		revoke(consentId); // queued behind the failing one
		for (int i = 0; i < 3; i++) {
			this.answers.add(503);
			this.clock.shift(Duration.ofMinutes(10));
			this.dispatcher.deliverDue();
		}
		assertThat(this.received).hasSize(4).allSatisfy((r) -> assertThat(r.body()).contains("consent.granted"));
		this.answers.add(500);
		this.clock.shift(Duration.ofHours(25));
		this.dispatcher.deliverDue();
		bank.document(ENDPOINTS).execute().path("myWebhookEndpoints[0].status").entity(String.class).isEqualTo("PAUSED");
		this.clock.shift(Duration.ofHours(2));
		this.dispatcher.deliverDue();
		assertThat(this.received).as("paused: nothing sent").hasSize(5);

		bank.document("mutation($id: ID!) { resumeWebhookEndpoint(input: {endpointId: $id}) { endpoint { status } } }")
			.variable("id", endpointId).execute()
			.path("resumeWebhookEndpoint.endpoint.status").entity(String.class).isEqualTo("ACTIVE");
		assertThat(this.dispatcher.deliverDue()).isEqualTo(2);
		assertThat(this.received.subList(5, 7)).extracting((r) -> json.readValue(r.body(), Map.class).get("type"))
			.containsExactly("consent.granted", "consent.revoked");
		bank.document("query($id: ID!) { webhookDeliveries(endpointId: $id, first: 10) { totalCount nodes { attempt statusCode succeeded } } }")
			.variable("id", endpointId).execute()
			.path("webhookDeliveries.totalCount").entity(Integer.class).isEqualTo(7)
			.path("webhookDeliveries.nodes[*].succeeded").entityList(Boolean.class)
			.containsExactly(true, true, false, false, false, false, false);
	}

	@Test
	void duringARotationBothSecretsSignUntilTheOldOneExpires() {
		GraphQlTester bank = this.tokens.as(this.tokens.integrator());
		Map<String, String> registered = register(bank);
		String rotated = bank.document("mutation($id: ID!) { rotateWebhookSecret(input: {endpointId: $id}) { secret } }")
			.variable("id", registered.get("id")).execute()
			.path("rotateWebhookSecret.secret").entity(String.class).get();
		assertThat(rotated).startsWith("whsec_").isNotEqualTo(registered.get("secret"));
		grant();
		this.dispatcher.deliverDue();
		Received both = this.received.get(0);
		long timestamp = Long.parseLong(both.timestamp());
		assertThat(both.signature()).isEqualTo("v1," + WebhookSignature.sign(registered.get("secret"), both.id(), timestamp, both.body())
				+ " v1," + WebhookSignature.sign(rotated, both.id(), timestamp, both.body()));
		this.clock.shift(Duration.ofHours(25));
		grant();
		this.dispatcher.deliverDue();
		Received newOnly = this.received.get(1);
		assertThat(newOnly.signature()).isEqualTo("v1," + WebhookSignature.sign(rotated, newOnly.id(),
				Long.parseLong(newOnly.timestamp()), newOnly.body()));
	}

	@Test
	void goneDisablesReplayResendsAndOtherIntegratorsSeeNothing() {
		GraphQlTester bank = this.tokens.as(this.tokens.integrator());
		String endpointId = register(bank).get("id");
		grant();
		this.dispatcher.deliverDue();
		String eventId = this.received.get(0).id();
		var replayed = bank.document("mutation($e: ID!, $ev: ID!) { redeliverWebhookEvent(input: {endpointId: $e, eventId: $ev}) { delivery { attempt replay statusCode succeeded } } }")
			.variable("e", endpointId).variable("ev", eventId).execute();
		replayed.path("redeliverWebhookEvent.delivery.replay").entity(Boolean.class).isEqualTo(true)
			.path("redeliverWebhookEvent.delivery.statusCode").entity(Integer.class).isEqualTo(204);
		assertThat(this.received).hasSize(2).extracting(Received::id).containsOnly(eventId);
		onlyError(bank.document("mutation($e: ID!) { redeliverWebhookEvent(input: {endpointId: $e, eventId: \"msg_unknown\"}) { delivery { id } } }")
			.variable("e", endpointId).execute(), "WEBHOOK_EVENT_NOT_FOUND", "input.eventId");
		GraphQlTester insurer = this.tokens.as(this.tokens.client("picc-qingdao", "picc-demo-secret"));
		insurer.document("{ myWebhookEndpoints { id } }").execute().path("myWebhookEndpoints").entityList(Object.class).hasSize(0);
		onlyError(insurer.document("mutation($e: ID!) { resumeWebhookEndpoint(input: {endpointId: $e}) { endpoint { id } } }")
			.variable("e", endpointId).execute(), "WEBHOOK_ENDPOINT_NOT_FOUND", "input.endpointId");

		this.answers.add(410);
		grant();
		this.dispatcher.deliverDue();
		bank.document(ENDPOINTS).execute().path("myWebhookEndpoints[0].status").entity(String.class).isEqualTo("DISABLED");
		onlyError(bank.document("mutation($e: ID!) { resumeWebhookEndpoint(input: {endpointId: $e}) { endpoint { id } } }")
			.variable("e", endpointId).execute(), "WEBHOOK_ENDPOINT_DISABLED", "input.endpointId");
	}

	@Test
	void aCertificateTheIntegratorVerifiedBeingRevokedIsAnEvent() {
		GraphQlTester bank = this.tokens.as(this.tokens.integrator());
		String endpointId = bank.document("mutation($url: String!) { registerWebhookEndpoint(input: {url: $url, kinds: [CERTIFICATE_REVOKED]}) { endpoint { id } } }")
			.variable("url", url()).execute().path("registerWebhookEndpoint.endpoint.id").entity(String.class).get();
		String holder = this.tokens.subjectId(this.tokens.resident(SUN));
		Certificate card = this.certificates.validByType(holder, List.of("GA-001")).get("GA-001");
		String copyId = "crt_webhook_test";
		this.mongo.save(new Certificate(copyId, "WEBHOOK-TEST-1", card.typeCode(), card.holderKind(),
				card.holderId(), card.holderIdentifier(), card.holderName(), card.issuerDepartmentCode(),
				LocalDate.of(2099, 1, 1), card.validFrom(), card.validTo(), card.status(), null, card.data(),
				card.seal(), null, card.createdAt(), null));
		try {
			grant();
			bank.document("mutation($i: VerifyCertificateInput!) { verifyCertificate(input: $i) { certificateNumber } }")
				.variable("i", Map.of("holderIdNumber", "370281199502147840", "certificateType", "GA-001", "purpose",
						"ICBC-ACCOUNT-OPENING"))
				.execute().path("verifyCertificate.certificateNumber").entity(String.class).isEqualTo("WEBHOOK-TEST-1");
			this.tokens.as(this.tokens.admin())
				.document("mutation { revokeCertificate(input: {id: \"" + copyId + "\", reason: \"测试注销\"}) { status } }")
				.execute().path("revokeCertificate.status").entity(String.class).isEqualTo("REVOKED");
			assertThat(this.dispatcher.deliverDue()).isEqualTo(1);
			Map<?, ?> event = json.readValue(this.received.get(0).body(), Map.class);
			assertThat(event.get("type")).isEqualTo("certificate.revoked");
			assertThat(event.get("data")).isEqualTo(Map.of("certificateNumber", "WEBHOOK-TEST-1", "certificateType", "GA-001"));
			// an integrator that never verified it hears nothing: picc has no event
			assertThat(this.mongo.find(Query.query(Criteria.where("clientId").is("picc-qingdao")
				.and("kind").is(WebhookKind.CERTIFICATE_REVOKED)), WebhookEvent.class)).isEmpty();
			assertThat(endpointId).startsWith("whe_");
		}
		finally {
			this.mongo.remove(Query.query(Criteria.where("_id").is(copyId)),
					Certificate.class);
		}
	}

	@Test
	void aMirrorCatchesUpByChangeTimeWithWithdrawalsAsTombstones() {
		this.clock.shift(Duration.ofDays(30)); // after anything other tests left behind
		String since = this.clock.instant().toString();
		this.clock.shift(Duration.ofSeconds(1));
		String kept = grant();
		this.clock.shift(Duration.ofSeconds(1));
		String withdrawn = grant();
		this.clock.shift(Duration.ofSeconds(1));
		revoke(withdrawn);
		GraphQlTester bank = this.tokens.as(this.tokens.integrator());
		String page = "query($s: DateTime, $a: String) { consentsForMyPurposes(updatedSince: $s, first: 1, after: $a) { "
				+ "totalCount pageInfo { hasNextPage endCursor } nodes { id withdrawn updatedAt purpose { code } } } }";
		var first = bank.document(page).variable("s", since).execute();
		first.path("consentsForMyPurposes.totalCount").entity(Integer.class).isEqualTo(2)
			.path("consentsForMyPurposes.nodes[0].id").entity(String.class).isEqualTo(kept)
			.path("consentsForMyPurposes.nodes[0].withdrawn").entity(Boolean.class).isEqualTo(false);
		String cursor = first.path("consentsForMyPurposes.pageInfo.endCursor").entity(String.class).get();
		// a change while the mirror pages comes after its last page
		this.clock.shift(Duration.ofSeconds(1));
		revoke(kept);
		var second = bank.document(page).variable("s", since).variable("a", cursor).execute();
		second.path("consentsForMyPurposes.nodes[0].id").entity(String.class).isEqualTo(withdrawn)
			.path("consentsForMyPurposes.nodes[0].withdrawn").entity(Boolean.class).isEqualTo(true)
			.path("consentsForMyPurposes.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String last = second.path("consentsForMyPurposes.pageInfo.endCursor").entity(String.class).get();
		bank.document(page).variable("s", since).variable("a", last).execute()
			.path("consentsForMyPurposes.nodes[0].id").entity(String.class).isEqualTo(kept)
			.path("consentsForMyPurposes.nodes[0].withdrawn").entity(Boolean.class).isEqualTo(true);
		this.tokens.as(this.tokens.client("picc-qingdao", "picc-demo-secret")).document(page).variable("s", since).execute()
			.path("consentsForMyPurposes.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void registrationRefusesWhatCannotReceive() {
		GraphQlTester bank = this.tokens.as(this.tokens.integrator());
		onlyError(bank.document(REGISTER).variable("url", "ftp://example.com/hooks").execute(), "WEBHOOK_URL_REFUSED", "input.url");
		onlyError(bank.document(REGISTER).variable("url", "https://user:pw@example.com/hooks").execute(), "WEBHOOK_URL_REFUSED",
				"input.url");
		for (int i = 0; i < Webhooks.MAX_ENDPOINTS; i++) {
			register(bank);
		}
		onlyError(bank.document(REGISTER).variable("url", url()).execute(), "WEBHOOK_ENDPOINT_LIMIT", "input.url");
		onlyError(this.tokens.as(this.tokens.resident(SUN)).document(ENDPOINTS).execute(), "FORBIDDEN");
	}

	private Map<String, String> register(GraphQlTester bank) {
		var response = bank.document(REGISTER).variable("url", url()).execute();
		return Map.of("id", response.path("registerWebhookEndpoint.endpoint.id").entity(String.class).get(),
				"secret", response.path("registerWebhookEndpoint.secret").entity(String.class).get());
	}

	private String url() {
		return "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hooks";
	}

	private String grant() {
		return this.tokens.as(this.tokens.resident(SUN))
			.document("mutation { grantConsent(input: {purpose: \"ICBC-ACCOUNT-OPENING\", days: 7}) { consent { id } } }")
			.execute()
			.path("grantConsent.consent.id")
			.entity(String.class)
			.get();
	}

	private void revoke(String consentId) {
		this.tokens.as(this.tokens.resident(SUN))
			.document("mutation($id: ID!) { revokeConsent(input: {id: $id}) { consent { revokedAt } } }")
			.variable("id", consentId)
			.execute()
			.path("revokeConsent.consent.revokedAt")
			.hasValue();
	}

}
