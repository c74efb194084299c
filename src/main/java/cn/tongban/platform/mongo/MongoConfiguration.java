package cn.tongban.platform.mongo;

import java.io.File;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import cn.tongban.platform.DatabaseMode;
import com.mongodb.ConnectionString;
import com.mongodb.WriteConcern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.application.DiskSpaceHealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * Chooses the database: {@code spring.mongodb.uri} (Boot's own property) wins, then the
 * {@code MONGODB_URI} environment variable, else the embedded server is started.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedMongoProperties.class)
public class MongoConfiguration {

	@Bean
	@Conditional(NoMongoUriConfigured.class)
	EmbeddedMongoServer embeddedMongoServer(EmbeddedMongoProperties properties) {
		return new EmbeddedMongoServer(properties);
	}

	@Bean
	@Conditional(NoMongoUriConfigured.class)
	MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongoServer server,
			EmbeddedMongoProperties properties) {
		ConnectionString uri = new ConnectionString(server.connectionString(properties.database()));
		return () -> uri;
	}

	@Bean
	@Conditional(MongoUriFromEnvironmentVariable.class)
	MongoConnectionDetails environmentMongoConnectionDetails(Environment environment) {
		ConnectionString uri = new ConnectionString(environment.getRequiredProperty("MONGODB_URI"));
		return () -> uri;
	}

	/**
	 * Boot's disk check, pointed at the folder the embedded database writes to (it watched the
	 * working directory); with a real MongoDB the database's own disks are its operators' concern.
	 */
	@Bean("diskSpaceHealthIndicator")
	DiskSpaceHealthIndicator dataFolderDiskSpace(ObjectProvider<EmbeddedMongoServer> embedded,
			EmbeddedMongoProperties properties,
			@Value("${management.health.diskspace.threshold:10MB}") DataSize threshold) {
		boolean dataFolder = embedded.getIfAvailable() != null
				&& properties.backend() == EmbeddedMongoProperties.Backend.FILE;
		File watched = dataFolder ? properties.dataDir().toAbsolutePath().toFile() : new File(".");
		return new DiskSpaceHealthIndicator(watched, threshold);
	}

	@Bean
	DatabaseMode databaseMode(ObjectProvider<EmbeddedMongoServer> embedded) {
		return new DatabaseMode(embedded.getIfAvailable() != null);
	}

	/**
	 * On a real MongoDB an acknowledgement means journaled on a majority ({@code w: majority, j:
	 * true}) unless the URI sets its own write concern. The embedded server is made durable by
	 * {@link DurableH2Backend} instead and is left alone.
	 */
	@Bean
	MongoClientSettingsBuilderCustomizer durableWriteConcern(ObjectProvider<EmbeddedMongoServer> embedded,
			MongoConnectionDetails connection) {
		return (settings) -> {
			if (embedded.getIfAvailable() == null && connection.getConnectionString().getWriteConcern() == null) {
				settings.writeConcern(WriteConcern.MAJORITY.withJournal(true));
			}
		};
	}

	/** An unreachable database fails start-up within seconds instead of hanging for 30 s. */
	@Bean
	MongoClientSettingsBuilderCustomizer failFastTimeouts(
			@Value("${tongban.mongodb.server-selection-timeout:5s}") Duration selection) {
		return (settings) -> settings
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(selection.toMillis(),
					TimeUnit.MILLISECONDS))
			.applyToSocketSettings(
					(socket) -> socket.connectTimeout((int) selection.toMillis(), TimeUnit.MILLISECONDS));
	}

}
