package cn.tongban.catalog;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.tongban.certificate.CertificateType;
import cn.tongban.certificate.CertificateTypeService;
import cn.tongban.catalog.search.SearchSuggester;
import cn.tongban.platform.graphql.PageRequest;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Catalogue queries. Every reference a page of items holds (department, region, life events,
 * certificate types) is resolved by one batched load per field, whatever the page size.
 */
@Controller
class CatalogController {

	private final CatalogService catalog;

	private final CertificateTypeService certificateTypes;

	CatalogController(CatalogService catalog, CertificateTypeService certificateTypes) {
		this.catalog = catalog;
		this.certificateTypes = certificateTypes;
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	ServiceItemConnection serviceItems(@Argument String query, @Argument ServiceItemFilter filter,
			@Argument String near, @Argument Integer first, @Argument String after) {
		return this.catalog.findItems(query, filter, near, PageRequest.of(first, after));
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	List<SearchSuggester.Suggestion> searchSuggestions(@Argument String prefix, @Argument Integer first) {
		return this.catalog.suggestions(prefix, first);
	}

	@BatchMapping(typeName = "DepartmentFacet", field = "department")
	Map<ServiceItemConnection.Count, Department> facetDepartment(List<ServiceItemConnection.Count> counts) {
		Map<String, Department> byCode = this.catalog.departmentsByCode(distinct(counts, ServiceItemConnection.Count::code));
		return mapEach(counts, (count) -> byCode.get(count.code()));
	}

	@BatchMapping(typeName = "LifeEventFacet", field = "lifeEvent")
	Map<ServiceItemConnection.Count, LifeEvent> facetLifeEvent(List<ServiceItemConnection.Count> counts) {
		Map<String, LifeEvent> byCode = this.catalog.lifeEventsByCode(distinct(counts, ServiceItemConnection.Count::code));
		return mapEach(counts, (count) -> byCode.get(count.code()));
	}

	@SchemaMapping(typeName = "ChannelFacet", field = "channel")
	String facetChannel(ServiceItemConnection.Count count) {
		return count.code();
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	ServiceItem serviceItem(@Argument String code) {
		return this.catalog.getItem(code);
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	List<ServiceItem> hotServiceItems(@Argument String region, @Argument Integer first) {
		return this.catalog.hotItems(region, first);
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	List<Department> departments() {
		return this.catalog.departments();
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	List<Region> regions() {
		return this.catalog.regions();
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	List<LifeEvent> lifeEvents() {
		return this.catalog.lifeEvents();
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	CatalogStatistics catalogStatistics(@Argument String region) {
		return this.catalog.statistics(region);
	}

	@BatchMapping(typeName = "ServiceItem")
	Map<ServiceItem, Department> department(List<ServiceItem> items) {
		Map<String, Department> byCode = this.catalog.departmentsByCode(distinct(items, ServiceItem::getDepartmentCode));
		return mapEach(items, (item) -> byCode.get(item.getDepartmentCode()));
	}

	@BatchMapping(typeName = "ServiceItem")
	Map<ServiceItem, Region> region(List<ServiceItem> items) {
		Map<String, Region> byCode = this.catalog.regionsByCode(distinct(items, ServiceItem::getRegionCode));
		return mapEach(items, (item) -> byCode.get(item.getRegionCode()));
	}

	@BatchMapping(typeName = "ServiceItem")
	Map<ServiceItem, List<LifeEvent>> lifeEvents(List<ServiceItem> items) {
		Map<String, LifeEvent> byCode = this.catalog
			.lifeEventsByCode(items.stream().flatMap((item) -> item.getLifeEvents().stream()).distinct().toList());
		return mapEach(items,
				(item) -> item.getLifeEvents().stream().map(byCode::get).filter(Objects::nonNull).toList());
	}

	@BatchMapping(typeName = "ServiceItem")
	Map<ServiceItem, CertificateType> resultCertificateType(List<ServiceItem> items) {
		Map<String, CertificateType> byCode = this.certificateTypes
			.findByCodes(distinct(items, ServiceItem::getResultCertificateTypeCode));
		return items.stream()
			.filter((item) -> byCode.containsKey(item.getResultCertificateTypeCode()))
			.collect(Collectors.toMap(Function.identity(), (item) -> byCode.get(item.getResultCertificateTypeCode()),
					(a, b) -> a));
	}

	@BatchMapping(typeName = "Material")
	Map<Material, CertificateType> certificateType(List<Material> materials) {
		Map<String, CertificateType> byCode = this.certificateTypes
			.findByCodes(distinct(materials, Material::certificateTypeCode));
		return materials.stream()
			.filter((material) -> byCode.containsKey(material.certificateTypeCode()))
			.collect(Collectors.toMap(Function.identity(), (material) -> byCode.get(material.certificateTypeCode()),
					(a, b) -> a));
	}

	@BatchMapping(typeName = "CertificateType")
	Map<CertificateType, Department> issuingDepartment(List<CertificateType> types) {
		Map<String, Department> byCode = this.catalog
			.departmentsByCode(distinct(types, CertificateType::issuingDepartmentCode));
		return mapEach(types, (type) -> byCode.get(type.issuingDepartmentCode()));
	}

	@BatchMapping(typeName = "Region")
	Map<Region, Region> parent(List<Region> regions) {
		Map<String, Region> byCode = this.catalog.regionsByCode(distinct(regions, Region::parentCode));
		return regions.stream()
			.filter((region) -> byCode.containsKey(region.parentCode()))
			.collect(Collectors.toMap(Function.identity(), (region) -> byCode.get(region.parentCode()), (a, b) -> a));
	}

	private static <T> List<String> distinct(List<T> values, Function<T, String> key) {
		return values.stream().map(key).filter(Objects::nonNull).distinct().toList();
	}

	/** Keeps every source, so a dangling reference reads as null instead of failing the batch. */
	private static <T, R> Map<T, R> mapEach(List<T> sources, Function<T, R> value) {
		Map<T, R> result = new java.util.IdentityHashMap<>();
		for (T source : sources) {
			R resolved = value.apply(source);
			if (resolved != null) {
				result.put(source, resolved);
			}
		}
		return result;
	}

}
