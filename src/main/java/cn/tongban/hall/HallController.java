package cn.tongban.hall;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.tongban.catalog.CatalogError;
import cn.tongban.catalog.CatalogService;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.platform.ChinaTime;
import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.PageInfo;
import cn.tongban.platform.graphql.PageRequest;
import cn.tongban.reference.References;
import cn.tongban.reference.Region;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** 就近办: service halls, and where and when an item's guide says to go. */
@Controller
class HallController {

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	private final HallDirectory directory;

	private final CatalogService catalog;

	private final References references;

	private final Clock clock;

	HallController(HallDirectory directory, CatalogService catalog, References references, Clock clock) {
		this.directory = directory;
		this.catalog = catalog;
		this.references = references;
		this.clock = clock;
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	HallConnection serviceHalls(@Argument @Valid NearInput near, @Argument @Size(max = 12) String region,
			@Argument HallLevel level, @Argument @Size(max = 30) String item, @Argument Boolean openNow,
			@Argument Integer first, @Argument String after) {
		PageRequest page = PageRequest.of(first, after);
		String basicCode = null;
		String itemRegion = null;
		if (item != null) {
			ServiceItem found = this.catalog.findItem(item)
				.orElseThrow(() -> ApiException.onField("item", CatalogError.ITEM_NOT_FOUND, item));
			basicCode = found.getBasicCode();
			itemRegion = found.getRegionCode();
		}
		List<HallDirectory.Listed> listed = this.directory.list(point(near),
				new HallDirectory.Filter(region, level, basicCode, itemRegion, openNow), nowInChina());
		List<HallEdge> edges = new ArrayList<>();
		int end = Math.min(listed.size(), page.offset() + page.size());
		for (int i = page.offset(); i < end; i++) {
			edges.add(new HallEdge(PageRequest.cursor(i), listed.get(i).hall(), listed.get(i).distanceMeters()));
		}
		return new HallConnection(edges, edges.stream().map(HallEdge::node).toList(),
				PageInfo.of(page, edges.size(), listed.size()), listed.size());
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	ServiceHall serviceHall(@Argument @NotBlank @Size(max = 20) String code) {
		return this.directory.hall(code).orElse(null);
	}

	/** 办理地点: the halls that handle the item, nearest first when the resident said where they are. */
	@SchemaMapping(typeName = "ServiceItem", field = "serviceHalls")
	List<ServiceHall> itemHalls(ServiceItem item, @Argument @Valid NearInput near, @Argument @Min(1) @Max(20) Integer first) {
		return this.directory.list(point(near),
				new HallDirectory.Filter(null, null, item.getBasicCode(), item.getRegionCode(), null), nowInChina())
			.stream()
			.limit((first != null) ? first : 5)
			.map(HallDirectory.Listed::hall)
			.toList();
	}

	@SchemaMapping(typeName = "ServiceHall")
	Region region(ServiceHall hall) {
		return this.references.region(hall.regionCode());
	}

	@SchemaMapping(typeName = "ServiceHall")
	List<SessionView> openingHours(ServiceHall hall) {
		return hall.hours().sessions().stream()
			.sorted(Comparator.comparing((Session s) -> s.days().stream().mapToInt((d) -> d.getValue()).min().orElse(0))
				.thenComparing(Session::opens))
			.map((s) -> new SessionView(s.days().stream().sorted().map(Enum::name).toList(), HH_MM.format(s.opens()),
					HH_MM.format(s.closes()), s.note()))
			.toList();
	}

	@SchemaMapping(typeName = "ServiceHall")
	OpeningHours.HolidayService onHolidays(ServiceHall hall) {
		return hall.hours().onHolidays();
	}

	@SchemaMapping(typeName = "ServiceHall")
	boolean openNow(ServiceHall hall) {
		return hall.hours().isOpen(nowInChina(), this.directory.calendar());
	}

	@SchemaMapping(typeName = "ServiceHall")
	OffsetDateTime nextOpening(ServiceHall hall) {
		return hall.hours().nextOpening(nowInChina(), this.directory.calendar())
			.map((at) -> at.atZone(ChinaTime.ZONE).toOffsetDateTime())
			.orElse(null);
	}

	@SchemaMapping(typeName = "ServiceHall")
	boolean handlesAllRegionItems(ServiceHall hall) {
		return hall.allRegionItems();
	}

	private LocalDateTime nowInChina() {
		return LocalDateTime.ofInstant(this.clock.instant(), ChinaTime.ZONE);
	}

	private static GeoPoint point(NearInput near) {
		return (near != null) ? new GeoPoint(near.lat(), near.lng()) : null;
	}

	/** Where the resident is; the bounds are China's, so a swapped lat/lng is refused, not searched. */
	record NearInput(@NotNull @DecimalMin("3") @DecimalMax("54") Double lat,
			@NotNull @DecimalMin("73") @DecimalMax("136") Double lng) {
	}

	record HallEdge(String cursor, ServiceHall node, Integer distanceMeters) {
	}

	record HallConnection(List<HallEdge> edges, List<ServiceHall> nodes, PageInfo pageInfo, long totalCount) {
	}

	record SessionView(List<String> days, String opens, String closes, String note) {
	}

}
