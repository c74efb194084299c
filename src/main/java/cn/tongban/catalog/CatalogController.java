package cn.tongban.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.tongban.catalog.search.SearchSuggester;
import cn.tongban.certificate.CertificateType;
import cn.tongban.certificate.CertificateTypeService;
import cn.tongban.platform.graphql.Batches;
import cn.tongban.platform.graphql.PageRequest;
import cn.tongban.platform.security.Role;
import cn.tongban.platform.security.Subject;
import cn.tongban.reference.Department;
import cn.tongban.reference.LifeEvent;
import cn.tongban.reference.References;
import cn.tongban.reference.Region;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/**
 * Catalogue queries. References to reference data (department, region, life events) are read from
 * the in-memory {@link References}; certificate types, owned by the certificate module, by one
 * batched load per field, whatever the page size.
 */
@Controller
class CatalogController {

	private final CatalogService catalog;

	private final References references;

	private final CertificateTypeService certificateTypes;

	private final ItemShelves shelves;

	CatalogController(CatalogService catalog, References references, CertificateTypeService certificateTypes,
			ItemShelves shelves) {
		this.shelves = shelves;
		this.references = references;
		this.catalog = catalog;
		this.certificateTypes = certificateTypes;
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	ServiceItemConnection serviceItems(@Argument String query, @Argument ServiceItemFilter filter,
			@Argument String near, @Argument Boolean everyImplementation, @Argument Integer first,
			@Argument String after) {
		return this.catalog.findItems(query, filter, near, Boolean.TRUE.equals(everyImplementation),
				PageRequest.of(first, after));
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	List<SearchSuggester.Suggestion> searchSuggestions(@Argument String prefix, @Argument Integer first) {
		return this.catalog.suggestions(prefix, first);
	}

	@SchemaMapping(typeName = "DepartmentFacet", field = "department")
	Department facetDepartment(ServiceItemConnection.Count count) {
		return this.references.department(count.code());
	}

	@SchemaMapping(typeName = "LifeEventFacet", field = "lifeEvent")
	LifeEvent facetLifeEvent(ServiceItemConnection.Count count) {
		return this.references.lifeEvent(count.code());
	}

	@SchemaMapping(typeName = "ServiceItem")
	String accessibilityLabel(ServiceItem item) {
		return AccessibilityLabels.item(item, this.references.department(item.getDepartmentCode()));
	}

	@SchemaMapping(typeName = "ChannelFacet", field = "channel")
	String facetChannel(ServiceItemConnection.Count count) {
		return count.code();
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	ServiceItem serviceItem(@Argument String code, Authentication caller) {
		ServiceItem item = this.catalog.shownItem(code);
		Subject viewer = Subject.from(caller);
		// a resident's opened guides become their recent items (最近使用)
		if (viewer != null && (viewer.has(Role.RESIDENT) || viewer.has(Role.ENTERPRISE))) {
			this.shelves.recordRecent(viewer.id(), List.of(item.getCode()));
		}
		return item;
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	List<ServiceItem> hotServiceItems(@Argument String region, @Argument Integer first) {
		return this.catalog.hotItems(region, first);
	}

	@SchemaMapping(typeName = "CatalogStatistics", field = "region")
	Region statisticsRegion(CatalogStatistics statistics) {
		return this.references.region(statistics.regionCode());
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	CatalogStatistics catalogStatistics(@Argument String region) {
		return this.catalog.statistics(region);
	}

	@SchemaMapping(typeName = "ServiceItem")
	Department department(ServiceItem item) {
		return this.references.department(item.getDepartmentCode());
	}

	@SchemaMapping(typeName = "ServiceItem")
	Region region(ServiceItem item) {
		return this.references.region(item.getRegionCode());
	}

	@SchemaMapping(typeName = "ServiceItem")
	List<LifeEvent> lifeEvents(ServiceItem item) {
		return List.copyOf(this.references.lifeEventsByCode(item.getLifeEvents()).values());
	}

	@BatchMapping(typeName = "ServiceItem")
	Map<ServiceItem, CertificateType> resultCertificateType(List<ServiceItem> items) {
		return Batches.resolve(items, ServiceItem::getResultCertificateTypeCode, this.certificateTypes::findByCodes);
	}

	@BatchMapping(typeName = "ServiceItem")
	Map<ServiceItem, List<ServiceItem>> implementations(List<ServiceItem> items) {
		Map<String, List<ServiceItem>> byBasicCode = this.catalog
			.implementationsOf(items.stream().map(ServiceItem::getBasicCode).distinct().toList());
		Map<ServiceItem, List<ServiceItem>> result = new LinkedHashMap<>();
		items.forEach((item) -> result.put(item, byBasicCode.getOrDefault(item.getBasicCode(), List.of())));
		return result;
	}

	@BatchMapping(typeName = "Material")
	Map<Material, CertificateType> certificateType(List<Material> materials) {
		return Batches.resolve(materials, Material::certificateTypeCode, this.certificateTypes::findByCodes);
	}

}
