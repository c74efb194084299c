package cn.tongban.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.Tokens;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An enterprise's own system (青岛海蓝数字科技有限公司's ERP, client {@code hailan-erp}) hears of its
 * enterprise's applications: a signed thin event per status change, in order, which it reads back
 * through {@code node(id)}; another integrator neither hears of them nor reads them.
 */
@GraphQlIntegrationTest
class EnterpriseApplicationWebhookTests {

	static final String REGISTER = """
			mutation($url: String!) { registerWebhookEndpoint(input: {url: $url, kinds: [APPLICATION_STATUS_CHANGED]}) {
			  secret endpoint { id } } }""";

	static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	Tokens tokens;

	@Autowired
	WebhookDispatcher dispatcher;

	@Autowired
	MongoTemplate mongo;

	HttpServer receiver;

	final List<Map<?, ?>> received = Collections.synchronizedList(new ArrayList<>());

	@BeforeEach
	void startReceiver() throws IOException {
		this.mongo.remove(new Query(), WebhookEndpoint.class);
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/erp", (exchange) -> {
			this.received.add(json.readValue(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
					Map.class));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	@AfterEach
	void stop() {
		this.receiver.stop(0);
		this.mongo.remove(new Query(), WebhookEndpoint.class);
	}

	@Test
	void theEnterprisesOwnSystemHearsOfEachStatusChangeAndReadsItBack() {
		GraphQlTester erp = this.tokens.as(this.tokens.client("hailan-erp", "hailan-demo-secret"));
		GraphQlTester bank = this.tokens.as(this.tokens.integrator());
		String url = "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/erp";
		erp.document(REGISTER).variable("url", url).execute().path("registerWebhookEndpoint.secret").hasValue();
		bank.document(REGISTER).variable("url", url).execute().path("registerWebhookEndpoint.secret").hasValue();

		List<String> materials = erp.document("{ serviceItem(code: \"370200XK0090006000\") { materials { name } } }")
			.execute()
			.path("serviceItem.materials[*].name")
			.entityList(String.class)
			.get();
		String applicationId = this.tokens.as(this.tokens.enterpriseAgent())
			.document("""
					mutation($counter: [String!]) { submitApplication(input: {item: "370200XK0090006000",
					  idempotencyKey: "erp-webhook-0001", formValues: [], materialsAtCounter: $counter}) { application { id } } }""")
			.variable("counter", materials)
			.execute()
			.path("submitApplication.application.id")
			.entity(String.class)
			.get();
		this.tokens.as(this.tokens.staff("SJ"))
			.document("mutation($id: ID!) { acceptTask(input: {applicationId: $id, taskId: \"t1\"}) { application { status } } }")
			.variable("id", applicationId)
			.execute()
			.path("acceptTask.application.status").entity(String.class).isEqualTo("IN_PROGRESS");

		this.dispatcher.deliverDue();
		assertThat(this.received).extracting((event) -> (Object) event.get("type"))
			.containsExactly("application.status_changed", "application.status_changed");
		assertThat(this.received).extracting((event) -> (Object) ((Map<?, ?>) event.get("data")).get("status"))
			.containsExactly("SUBMITTED", "IN_PROGRESS");
		assertThat(this.received).allSatisfy((event) -> assertThat(((Map<?, ?>) event.get("data")).get("applicationId"))
			.isEqualTo(applicationId));

		String read = "query($id: ID!) { node(id: $id) { ... on Application { id status } } }";
		erp.document(read).variable("id", applicationId).execute()
			.path("node.status").entity(String.class).isEqualTo("IN_PROGRESS");
		bank.document(read).variable("id", applicationId).execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "APPLICATION_NOT_FOUND")));
	}

	@Test
	void aResidentsApplicationGoesToNoIntegrator() {
		GraphQlTester erp = this.tokens.as(this.tokens.client("hailan-erp", "hailan-demo-secret"));
		erp.document(REGISTER)
			.variable("url", "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/erp")
			.execute()
			.path("registerWebhookEndpoint.secret").hasValue();
		this.tokens.as(this.tokens.resident())
			.document("""
					mutation { submitApplication(input: {item: "370202QR0020001000", idempotencyKey: "erp-webhook-0002",
					  formValues: [{key: "employerName", value: "青岛海蓝数字科技有限公司"}]}) { application { id } } }""")
			.execute()
			.path("submitApplication.application.id").hasValue();
		this.dispatcher.deliverDue();
		assertThat(this.received).isEmpty();
	}

}
