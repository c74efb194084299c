package cn.tongban.bundle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.tongban.catalog.CatalogService;
import cn.tongban.catalog.CatalogStatistics;
import cn.tongban.catalog.LifeEvent;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.catalog.CatalogStatistics.Rate;
import cn.tongban.certificate.CertificateType;
import cn.tongban.certificate.CertificateTypeService;
import cn.tongban.platform.security.Subject;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

@Controller
class BundleController {

	private final BundleService bundles;

	private final CatalogService catalog;

	private final CertificateTypeService types;

	BundleController(BundleService bundles, CatalogService catalog, CertificateTypeService types) {
		this.bundles = bundles;
		this.catalog = catalog;
		this.types = types;
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	List<Bundle> bundles(@Argument String lifeEvent, @Argument String target) {
		return this.bundles.bundles(lifeEvent, target);
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	Bundle bundle(@Argument String code) {
		return this.bundles.require(code, "code");
	}

	@BatchMapping(typeName = "Bundle")
	Map<Bundle, List<ServiceItem>> items(List<Bundle> bundles) {
		Map<String, ServiceItem> found = this.catalog
			.itemsByCodes(bundles.stream().flatMap((b) -> b.itemCodes().stream()).distinct().toList());
		Map<Bundle, List<ServiceItem>> result = new LinkedHashMap<>();
		bundles.forEach((bundle) -> result.put(bundle,
				bundle.itemCodes().stream().map(found::get).filter(java.util.Objects::nonNull).toList()));
		return result;
	}

	@BatchMapping(typeName = "Bundle")
	Map<Bundle, LifeEvent> lifeEvent(List<Bundle> bundles) {
		Map<String, LifeEvent> found = this.catalog
			.lifeEventsByCode(bundles.stream().map(Bundle::lifeEventCode).distinct().toList());
		Map<Bundle, LifeEvent> result = new LinkedHashMap<>();
		bundles.forEach((bundle) -> result.put(bundle, found.get(bundle.lifeEventCode())));
		return result;
	}

	@SchemaMapping(typeName = "Bundle")
	List<MergedMaterial> materials(Bundle bundle, Authentication caller) {
		return this.bundles.materials(bundle.itemCodes(), Subject.from(caller));
	}

	@SchemaMapping(typeName = "Bundle")
	List<BundleService.UnifiedField> form(Bundle bundle, Authentication caller) {
		return this.bundles.form(bundle.items(), Subject.from(caller));
	}

	@SchemaMapping(typeName = "Bundle")
	Rate formFieldSharingRate(Bundle bundle) {
		return this.bundles.figures(bundle).formFieldSharingRate();
	}

	@SchemaMapping(typeName = "Bundle")
	Rate materialSharingRate(Bundle bundle) {
		return this.bundles.figures(bundle).materialSharingRate();
	}

	@BatchMapping(typeName = "BundleMaterial", field = "certificateType")
	Map<MergedMaterial, CertificateType> materialType(List<MergedMaterial> materials) {
		Map<String, CertificateType> found = this.types.findByCodes(materials.stream()
			.map(MergedMaterial::certificateTypeCode)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.toList());
		Map<MergedMaterial, CertificateType> result = new LinkedHashMap<>();
		materials.forEach((material) -> result.put(material,
				(material.certificateTypeCode() != null) ? found.get(material.certificateTypeCode()) : null));
		return result;
	}

	@SchemaMapping(typeName = "BundleFormField")
	Object key(BundleService.UnifiedField field) {
		return field.field().key();
	}

	@SchemaMapping(typeName = "BundleFormField")
	Object label(BundleService.UnifiedField field) {
		return field.field().label();
	}

	@SchemaMapping(typeName = "BundleFormField")
	Object type(BundleService.UnifiedField field) {
		return field.field().type();
	}

	@SchemaMapping(typeName = "BundleFormField")
	boolean required(BundleService.UnifiedField field) {
		return field.field().required();
	}

	@SchemaMapping(typeName = "BundleFormField")
	List<String> options(BundleService.UnifiedField field) {
		return field.field().options();
	}

	@SchemaMapping(typeName = "BundleFormField")
	String sourceKind(BundleService.UnifiedField field) {
		String source = field.field().source();
		return (source == null) ? "TYPED" : source.substring(0, source.indexOf(':'));
	}

	@SchemaMapping(typeName = "CatalogStatistics")
	Rate bundleFormFieldSharingRate(CatalogStatistics statistics) {
		return this.bundles.totals().formFieldSharingRate();
	}

	@SchemaMapping(typeName = "CatalogStatistics")
	Rate bundleMaterialSharingRate(CatalogStatistics statistics) {
		return this.bundles.totals().materialSharingRate();
	}

}
