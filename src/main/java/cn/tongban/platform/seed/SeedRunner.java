package cn.tongban.platform.seed;

import java.util.Comparator;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ResourceLoader;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs every module's {@link Seeder} once the context is built and before the web server takes
 * requests (a lifecycle phase ahead of the server's), so the first request already sees the data.
 */
@Component
@ConditionalOnBooleanProperty(name = "tongban.seed.enabled", matchIfMissing = true)
class SeedRunner implements SmartLifecycle {

	private final List<Seeder> seeders;

	private final SeedFiles files;

	private volatile boolean running;

	SeedRunner(List<Seeder> seeders, ResourceLoader resources, JsonMapper json, MongoTemplate mongo,
			@Value("${tongban.seed.locations:classpath:seeds/}") List<String> locations) {
		this.seeders = seeders.stream().sorted(Comparator.comparingInt(Seeder::order)).toList();
		this.files = new SeedFiles(resources, locations, json, mongo);
	}

	@Override
	public void start() {
		this.seeders.forEach((seeder) -> seeder.seed(this.files));
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Before the embedded web server, which starts in a later phase. */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE + 1000;
	}

}
