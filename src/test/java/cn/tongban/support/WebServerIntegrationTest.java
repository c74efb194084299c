package cn.tongban.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real embedded web server (a random port) for what MockMvc cannot
 * show: WebSocket subscriptions, Tomcat's own refusals. Test classes with this annotation share one
 * context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "tongban.mongodb.embedded.database=web-server")
@AutoConfigureMockMvc
@AutoConfigureHttpGraphQlTester
@ActiveProfiles("test")
@Import({ MongoCommandCounter.class, Tokens.class })
public @interface WebServerIntegrationTest {
}
