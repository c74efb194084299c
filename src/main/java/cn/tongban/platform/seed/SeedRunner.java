package cn.tongban.platform.seed;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
 * Steps that do not need each other run side by side on two threads (on a first start the people
 * and certificates chain, CPU-bound sealing, overlaps the catalogue's bulk writes); the first
 * failure, once every started step has ended, refuses the start.
 */
@Component
@ConditionalOnBooleanProperty(name = "tongban.seed.enabled", matchIfMissing = true)
class SeedRunner implements SmartLifecycle {

	private final List<Seeder> seeders;

	private final SeedFiles files;

	private volatile boolean running;

	SeedRunner(List<Seeder> seeders, ResourceLoader resources, JsonMapper json, MongoTemplate mongo, Clock clock,
			@Value("${tongban.seed.locations:classpath:seeds/}") List<String> locations) {
		this.seeders = seeders.stream().sorted(Comparator.comparingInt(Seeder::order)).toList();
		this.files = new SeedFiles(resources, locations, json, mongo, clock);
	}

	@Override
	public void start() {
		ExecutorService threads = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("seed-", 1).factory());
		try {
			List<CompletableFuture<Void>> steps = new ArrayList<>();
			for (Seeder seeder : this.seeders) {
				CompletableFuture<?>[] needed = new CompletableFuture<?>[steps.size()];
				for (int i = 0; i < steps.size(); i++) {
					needed[i] = seeder.needs(this.seeders.get(i)) ? steps.get(i) : CompletableFuture.completedFuture(null);
				}
				steps.add(CompletableFuture.allOf(needed).thenRunAsync(() -> seeder.seed(this.files), threads));
			}
			awaitAll(steps);
		}
		finally {
			threads.shutdownNow();
		}
		this.running = true;
	}

	private static void awaitAll(List<CompletableFuture<Void>> steps) {
		RuntimeException first = null;
		for (CompletableFuture<Void> step : steps) {
			try {
				step.join();
			}
			catch (CompletionException ex) {
				if (first == null) {
					first = (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
				}
			}
		}
		if (first != null) {
			throw first;
		}
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
