package cn.tongban.platform.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Reads JSON seed files and remembers which content was loaded ({@code seed_runs}: file → SHA-256),
 * so a file is applied on first start and again only when it changes. Applying is an upsert by
 * natural key in each seeder, so a repeated run never duplicates anything.
 */
public class SeedFiles {

	private static final Logger log = LoggerFactory.getLogger(SeedFiles.class);

	static final String COLLECTION = "seed_runs";

	private final ResourceLoader resources;

	private final List<String> locations;

	private final JsonMapper json;

	private final MongoTemplate mongo;

	private final Clock clock;

	/**
	 * @param locations folders to look in, in order: the first holding a file supplies it, so an
	 * overlay folder can replace single files of the shipped seeds
	 */
	SeedFiles(ResourceLoader resources, List<String> locations, JsonMapper json, MongoTemplate mongo, Clock clock) {
		this.clock = clock;
		this.resources = resources;
		this.locations = locations.stream().map((l) -> l.endsWith("/") ? l : l + "/").toList();
		this.json = json;
		this.mongo = mongo;
	}

	/**
	 * A seed file as shipped in the jar ({@code seeds/<path>}), whatever the configured locations:
	 * for checks that compare the database with a seed set (the prod profile's dev-data checks).
	 * Empty when the jar has no such file.
	 */
	public static <T> List<T> shipped(String path, Class<T> type, JsonMapper json) {
		ClassPathResource resource = new ClassPathResource("seeds/" + path);
		if (!resource.exists()) {
			return List.of();
		}
		return json.readerForListOf(type).readValue(read(resource));
	}

	/** Parses {@code path} as a JSON array of {@code type} and applies it if its content is new. */
	public <T> void applyIfChanged(String path, Class<T> type, Consumer<List<T>> apply) {
		apply(path, find(path).orElseThrow(
				() -> new IllegalStateException("No seed file " + path + " in " + this.locations)), type, apply);
	}

	/**
	 * Like {@link #applyIfChanged} for a file only some seed sets have: the default run's dev set
	 * (seeds/dev/: demo people, accounts, clients, certificates) or a production overlay.
	 */
	public <T> void applyIfPresent(String path, Class<T> type, Consumer<List<T>> apply) {
		find(path).ifPresentOrElse((resource) -> apply(path, resource, type, apply),
				() -> log.debug("No seed file {} in {}", path, this.locations));
	}

	private <T> void apply(String path, Resource resource, Class<T> type, Consumer<List<T>> apply) {
		byte[] content = read(resource);
		String hash = sha256(content);
		Query byFile = Query.query(Criteria.where("_id").is(path));
		SeedRun previous = this.mongo.findOne(byFile, SeedRun.class, COLLECTION);
		if (previous != null && hash.equals(previous.hash())) {
			log.debug("Seed {} unchanged", path);
			return;
		}
		List<T> records = this.json.readerForListOf(type).readValue(content);
		apply.accept(records);
		this.mongo.upsert(byFile, Update.update("hash", hash).set("loadedAt", this.clock.instant()).set("records", records.size()),
				COLLECTION);
		log.info("Seeded {} ({} records)", path, records.size());
	}

	private Optional<Resource> find(String path) {
		return this.locations.stream()
			.map((location) -> this.resources.getResource(location + path))
			.filter(Resource::exists)
			.findFirst();
	}

	private static byte[] read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read seed file " + resource, ex);
		}
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record SeedRun(String id, String hash, Instant loadedAt, int records) {
	}

}
