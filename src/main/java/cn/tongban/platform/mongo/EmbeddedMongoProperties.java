package cn.tongban.platform.mongo;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded MongoDB-compatible server used when no MongoDB URI is configured.
 *
 * @param dataDir folder holding the H2 file of the {@code FILE} backend
 * @param backend {@code FILE} keeps data across restarts; {@code MEMORY} is for tests
 * @param port loopback port to bind; 0 picks a free one
 * @param database the database the application uses on it ({@code tongban}; a test suite that
 * changes data names its own)
 */
@ConfigurationProperties("tongban.mongodb.embedded")
public record EmbeddedMongoProperties(Path dataDir, Backend backend, int port, String database) {

	public EmbeddedMongoProperties {
		dataDir = (dataDir != null) ? dataDir : Path.of("data");
		backend = (backend != null) ? backend : Backend.FILE;
		database = (database != null && !database.isBlank()) ? database : "tongban";
	}

	public enum Backend {
		FILE, MEMORY
	}

}
