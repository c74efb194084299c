package cn.tongban.platform.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import cn.tongban.support.WebServerIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Tomcat refuses before any filter (here a header block over the limit) has the GraphQL error
 * shape with a code too, on a real server.
 */
@WebServerIntegrationTest
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
