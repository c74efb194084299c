package cn.tongban.platform.mongo;

import java.util.concurrent.TimeUnit;

import cn.tongban.platform.DatabaseMode;
import com.mongodb.ConnectionString;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Chooses the database: {@code spring.mongodb.uri} (Boot's own property) wins, then the
 * {@code MONGODB_URI} environment variable, else the embedded server is started.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedMongoProperties.class)
public class MongoConfiguration {

	static final String DEFAULT_DATABASE = "tongban";

	@Bean
	@Conditional(NoMongoUriConfigured.class)
	EmbeddedMongoServer embeddedMongoServer(EmbeddedMongoProperties properties) {
		return new EmbeddedMongoServer(properties);
	}

	@Bean
	@Conditional(NoMongoUriConfigured.class)
	MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongoServer server) {
		ConnectionString uri = new ConnectionString(server.connectionString(DEFAULT_DATABASE));
		return () -> uri;
	}

	@Bean
	@Conditional(MongoUriFromEnvironmentVariable.class)
	MongoConnectionDetails environmentMongoConnectionDetails(Environment environment) {
		ConnectionString uri = new ConnectionString(environment.getRequiredProperty("MONGODB_URI"));
		return () -> uri;
	}

	@Bean
	DatabaseMode databaseMode(ObjectProvider<EmbeddedMongoServer> embedded) {
		return new DatabaseMode(embedded.getIfAvailable() != null);
	}

	/** An unreachable database fails start-up within seconds instead of hanging for 30 s. */
	@Bean
	MongoClientSettingsBuilderCustomizer failFastTimeouts(
			@Value("${tongban.mongodb.server-selection-timeout:5s}") java.time.Duration selection) {
		return (settings) -> settings
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(selection.toMillis(),
					TimeUnit.MILLISECONDS))
			.applyToSocketSettings(
					(socket) -> socket.connectTimeout((int) selection.toMillis(), TimeUnit.MILLISECONDS));
	}

}
