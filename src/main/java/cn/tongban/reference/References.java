package cn.tongban.reference;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.PlatformError;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * Departments (实施部门), regions (行政区划) and life events (生命周期主题): a few dozen records each,
 * written only by the seeds, read by nearly every request (filters, facets, each item's department,
 * a person's region). Held as one immutable snapshot, reloaded in the background a minute after it
 * was read from MongoDB (so another instance's re-seeding shows within a minute) and at once after
 * this instance seeded. A code that names nothing reads as null (a dangling reference); the
 * {@code require…} methods refuse it as the caller's input.
 */
@Service
public class References {

	private static final Duration RELOAD_AFTER = Duration.ofMinutes(1);

	private final LoadingCache<Boolean, Snapshot> snapshot;

	References(DepartmentRepository departments, RegionRepository regions, LifeEventRepository lifeEvents) {
		this.snapshot = Caffeine.newBuilder()
			.refreshAfterWrite(RELOAD_AFTER)
			.build((key) -> new Snapshot(byCode(departments.findAll(Sort.by("number")), Department::code),
					byCode(regions.findAll(Sort.by("_id")), Region::code),
					byCode(lifeEvents.findAll(), LifeEvent::code)));
	}

	/** By number. */
	public List<Department> departments() {
		return List.copyOf(current().departments().values());
	}

	/** By code. */
	public List<Region> regions() {
		return List.copyOf(current().regions().values());
	}

	public List<LifeEvent> lifeEvents() {
		return List.copyOf(current().lifeEvents().values());
	}

	/** The department with this code, or null. */
	public Department department(String code) {
		return (code != null) ? current().departments().get(code) : null;
	}

	/** The region with this code, or null. */
	public Region region(String code) {
		return (code != null) ? current().regions().get(code) : null;
	}

	/** The life event with this code, or null. */
	public LifeEvent lifeEvent(String code) {
		return (code != null) ? current().lifeEvents().get(code) : null;
	}

	/** The departments with these codes, in the order asked; unknown codes are absent. */
	public Map<String, Department> departmentsByCode(Collection<String> codes) {
		return subset(current().departments(), codes);
	}

	public Map<String, Region> regionsByCode(Collection<String> codes) {
		return subset(current().regions(), codes);
	}

	public Map<String, LifeEvent> lifeEventsByCode(Collection<String> codes) {
		return subset(current().lifeEvents(), codes);
	}

	/** The city (市级) region the others lie in. */
	public Region city() {
		return current().regions()
			.values()
			.stream()
			.filter((region) -> region.level() == RegionLevel.CITY)
			.findFirst()
			.orElseThrow();
	}

	/** Refuses a region code that names nothing, as {@code UNKNOWN_REFERENCE} on {@code field}. */
	public Region requireRegion(String code, String field) {
		return require(region(code), field, "行政区划/region", code);
	}

	public Department requireDepartment(String code, String field) {
		return require(department(code), field, "部门/department", code);
	}

	public LifeEvent requireLifeEvent(String code, String field) {
		return require(lifeEvent(code), field, "生命周期主题/life event", code);
	}

	/** Drops the snapshot: the next read loads the stored records (after seeding; tests counting reads). */
	public void invalidate() {
		this.snapshot.invalidateAll();
	}

	private static <T> T require(T found, String field, String kind, String code) {
		if (found == null) {
			throw ApiException.onField(field, PlatformError.UNKNOWN_REFERENCE, kind, code);
		}
		return found;
	}

	private static <T> Map<String, T> subset(Map<String, T> all, Collection<String> codes) {
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
