package cn.tongban.platform.graphql;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/** graphql-ws at {@code spring.graphql.websocket.path}, served by {@link QuietGraphQlWebSocketHandler}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty("spring.graphql.websocket.path")
class GraphQlWebSocketConfiguration {

	/** Replaces Boot's handler (same bean name, which Boot backs off from). */
	@Bean
	GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, GraphQlProperties properties,
			JsonMapper json) {
		return new QuietGraphQlWebSocketHandler(handler, new JacksonJsonHttpMessageConverter(json),
				properties.getWebsocket().getConnectionInitTimeout(), properties.getWebsocket().getKeepAlive());
	}

}
