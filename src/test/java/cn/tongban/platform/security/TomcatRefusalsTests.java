package cn.tongban.platform.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import cn.tongban.support.MongoCommandCounter;
import cn.tongban.support.Tokens;
import org.junit.jupiter.api.Test;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Tomcat refuses before any filter (here a header block over the limit) has the GraphQL error
 * shape with a code too. A real server: the same context as the subscription tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "tongban.test.database=subscriptions")
@AutoConfigureMockMvc
@AutoConfigureHttpGraphQlTester
@ActiveProfiles("test")
@Import({ MongoCommandCounter.class, Tokens.class })
class TomcatRefusalsTests {

	@LocalServerPort
	int port;

	@Test
	void anOversizedHeaderIsRefusedInTheGraphQlErrorShape() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
				.header("Content-Type", "application/json")
				.header("X-Pad", "a".repeat(20_000))
				.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ __typename }\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type)
			.startsWith("application/json"));
		assertThat(response.body()).contains("\"code\":\"INVALID_REQUEST\"").doesNotContain("Tomcat").doesNotContain("<html");
	}

}
