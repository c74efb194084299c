package cn.tongban.hall;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import cn.tongban.platform.graphql.ApiException;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Every hall and the holiday calendar, held in memory: a few thousand halls at most, changed only
 * by their seed files, so a listing by distance is a sort in memory, never a scan of the database.
 * Loaded on first use and again after seeding.
 */
@Service
public class HallDirectory {

	private final MongoTemplate mongo;

	private volatile Snapshot snapshot;

	HallDirectory(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	record Snapshot(Map<String, ServiceHall> byCode, List<ServiceHall> all, HallCalendar calendar) {
	}

	/** A hall with its distance from the point it was looked up from (null without one). */
	public record Listed(ServiceHall hall, Integer distanceMeters) {
	}

	/** What a listing keeps. Null fields do not narrow. */
	record Filter(String regionCode, HallLevel level, String itemBasicCode, String itemRegionCode, Boolean openNow) {
	}

	void reload() {
		List<ServiceHall> halls = this.mongo.findAll(ServiceHall.class);
		Map<String, ServiceHall> byCode = new HashMap<>();
		halls.forEach((hall) -> byCode.put(hall.code(), hall));
		Map<LocalDate, String> holidays = new HashMap<>();
		Set<LocalDate> worked = new HashSet<>();
		for (CalendarDay day : this.mongo.findAll(CalendarDay.class)) {
			if (day.kind() == CalendarDay.Kind.HOLIDAY) {
				holidays.put(LocalDate.parse(day.date()), day.name());
			}
			else {
				worked.add(LocalDate.parse(day.date()));
			}
		}
		List<ServiceHall> ordered = halls.stream().sorted(Comparator.comparing(ServiceHall::code)).toList();
		this.snapshot = new Snapshot(Map.copyOf(byCode), ordered, new HallCalendar(holidays, worked));
	}

	private Snapshot snapshot() {
		Snapshot current = this.snapshot;
		if (current == null) {
			reload();
			current = this.snapshot;
		}
		return current;
	}

	public Optional<ServiceHall> hall(String code) {
		return Optional.ofNullable(snapshot().byCode().get(code));
	}

	/** The hall, or HALL_NOT_FOUND naming the input field that gave the code. */
	ServiceHall require(String code, String field) {
		return hall(code).orElseThrow(() -> ApiException.onField(field, HallError.HALL_NOT_FOUND, code));
	}

	/** The hall's window group, or WINDOW_GROUP_NOT_FOUND naming the input field that gave the code. */
	static WindowGroup requireGroup(ServiceHall hall, String code, String field) {
		WindowGroup group = hall.windowGroup(code);
		if (group == null) {
			throw ApiException.onField(field, HallError.WINDOW_GROUP_NOT_FOUND, code);
		}
		return group;
	}

	/** The hall whose check-in kiosk (取号机) this terminal client is. */
	public Optional<ServiceHall> kioskHall(String clientId) {
		return snapshot().all().stream().filter((hall) -> clientId != null && hall.kiosks().contains(clientId)).findFirst();
	}

	List<ServiceHall> all() {
		return snapshot().all();
	}

	public HallCalendar calendar() {
		return snapshot().calendar();
	}

	/** The halls the filter keeps, nearest first from {@code near}, else in code order (city, then districts). */
	List<Listed> list(GeoPoint near, Filter filter, LocalDateTime nowInChina) {
		Snapshot current = snapshot();
		Predicate<ServiceHall> keep = (hall) -> (filter.regionCode() == null || hall.regionCode().equals(filter.regionCode()))
				&& (filter.level() == null || hall.level() == filter.level())
				&& (filter.itemBasicCode() == null || hall.handles(filter.itemBasicCode(), filter.itemRegionCode()))
				&& (filter.openNow() == null || hall.hours().isOpen(nowInChina, current.calendar()) == filter.openNow());
		List<Listed> kept = current.all().stream()
			.filter(keep)
			.map((hall) -> new Listed(hall, (near != null) ? (int) Math.round(near.metersTo(hall.location())) : null))
			.toList();
		if (near == null) {
			return kept;
		}
		return kept.stream().sorted(Comparator.comparingInt(Listed::distanceMeters).thenComparing((l) -> l.hall().code())).toList();
	}

}
