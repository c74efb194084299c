package cn.tongban.catalog;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * Departments, regions and life events: a few dozen records each, written only by the seeds, read by
 * nearly every catalogue request (filters, facets, each item's department). Held as one immutable
 * snapshot, reloaded in the background a minute after it was read from MongoDB (so another
 * instance's re-seeding shows within a minute) and at once after this instance seeded.
 */
@Component
class ReferenceData {

	private static final Duration RELOAD_AFTER = Duration.ofMinutes(1);

	private final LoadingCache<Boolean, Snapshot> snapshot;

	ReferenceData(DepartmentRepository departments, RegionRepository regions, LifeEventRepository lifeEvents) {
		this.snapshot = Caffeine.newBuilder()
			.refreshAfterWrite(RELOAD_AFTER)
			.build((key) -> new Snapshot(byCode(departments.findAll(Sort.by("number")), Department::code),
					byCode(regions.findAll(Sort.by("_id")), Region::code),
					byCode(lifeEvents.findAll(), LifeEvent::code)));
	}

	Map<String, Department> departments() {
		return current().departments();
	}

	Map<String, Region> regions() {
		return current().regions();
	}

	Map<String, LifeEvent> lifeEvents() {
		return current().lifeEvents();
	}

	/** Drops the snapshot: the next read loads the seeded records. */
	void invalidate() {
		this.snapshot.invalidateAll();
	}

	/** The records with the given codes; unknown codes are absent. */
	static <T> Map<String, T> subset(Map<String, T> all, Collection<String> codes) {
		Map<String, T> found = new LinkedHashMap<>();
		for (String code : codes) {
			T value = all.get(code);
			if (value != null) {
				found.put(code, value);
			}
		}
		return found;
	}

	private Snapshot current() {
		return this.snapshot.get(Boolean.TRUE);
	}

	private static <T> Map<String, T> byCode(List<T> records, Function<T, String> code) {
		Map<String, T> byCode = new LinkedHashMap<>();
		records.forEach((record) -> byCode.put(Objects.requireNonNull(code.apply(record)), record));
		return Collections.unmodifiableMap(byCode);
	}

	private record Snapshot(Map<String, Department> departments, Map<String, Region> regions,
			Map<String, LifeEvent> lifeEvents) {
	}

}
