package cn.tongban.bundle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.tongban.catalog.AccessibilityLabels;
import cn.tongban.catalog.CatalogService;
import cn.tongban.catalog.CatalogStatistics.Rate;
import cn.tongban.catalog.CatalogStatistics;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.certificate.Certificate;
import cn.tongban.certificate.CertificateService;
import cn.tongban.certificate.CertificateType;
import cn.tongban.certificate.CertificateTypeService;
import cn.tongban.platform.graphql.Batches;
import cn.tongban.platform.security.Subject;
import cn.tongban.reference.Department;
import cn.tongban.reference.LifeEvent;
import cn.tongban.reference.References;

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

	private final References references;

	private final CertificateTypeService types;

	private final CertificateService certificates;

	BundleController(BundleService bundles, CatalogService catalog, References references, CertificateTypeService types,
			CertificateService certificates) {
		this.certificates = certificates;
		this.bundles = bundles;
		this.catalog = catalog;
		this.references = references;
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
		return Batches.resolveAll(bundles, Bundle::itemCodes, this.catalog::itemsByCodes);
	}

	@BatchMapping(typeName = "Bundle")
	Map<Bundle, LifeEvent> lifeEvent(List<Bundle> bundles) {
		return Batches.resolve(bundles, Bundle::lifeEventCode, this.references::lifeEventsByCode);
	}

	@BatchMapping(typeName = "Bundle")
	Map<Bundle, List<MergedMaterial>> materials(List<Bundle> bundles, Authentication caller) {
		return this.bundles.materialLists(bundles, Subject.from(caller));
	}

	@BatchMapping(typeName = "Bundle")
	Map<Bundle, List<BundleService.UnifiedField>> form(List<Bundle> bundles, Authentication caller) {
		return this.bundles.forms(bundles, Subject.from(caller));
	}

	@BatchMapping(typeName = "Bundle")
	Map<Bundle, Rate> formFieldSharingRate(List<Bundle> bundles) {
		Map<Bundle, Rate> rates = new LinkedHashMap<>();
		this.bundles.figures(bundles).forEach((bundle, figures) -> rates.put(bundle, figures.formFieldSharingRate()));
		return rates;
	}

	@BatchMapping(typeName = "Bundle")
	Map<Bundle, Rate> materialSharingRate(List<Bundle> bundles) {
		Map<Bundle, Rate> rates = new LinkedHashMap<>();
		this.bundles.figures(bundles).forEach((bundle, figures) -> rates.put(bundle, figures.materialSharingRate()));
		return rates;
	}

	/** My certificate that stands in, as my card pack shows it. */
	@BatchMapping(typeName = "BundleMaterial", field = "certificate")
	Map<MergedMaterial, Certificate> materialCertificate(List<MergedMaterial> materials, Authentication caller) {
		Subject viewer = Subject.from(caller);
		return Batches.resolve(materials, MergedMaterial::certificateId, (ids) -> this.certificates.openableBy(viewer, ids));
	}

	@BatchMapping(typeName = "BundleMaterial", field = "certificateType")
	Map<MergedMaterial, CertificateType> materialType(List<MergedMaterial> materials) {
		return Batches.resolve(materials, MergedMaterial::certificateTypeCode, this.types::findByCodes);
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
	String source(BundleService.UnifiedField field) {
		String source = field.field().source();
		return (source == null) ? "TYPED" : source.substring(0, source.indexOf(':'));
	}

	@SchemaMapping(typeName = "BundleFormField")
	String sourceKind(BundleService.UnifiedField field) {
		return source(field);
	}

	/** Screen-reader text per bundle: its items and their departments read in one round trip for all. */
	@BatchMapping(typeName = "Bundle", field = "accessibilityLabel")
	Map<Bundle, String> accessibilityLabel(List<Bundle> bundles) {
		Map<String, ServiceItem> items = this.catalog.itemsByCodes(
				bundles.stream().flatMap((bundle) -> bundle.items().stream()).map(Bundle.Item::code).distinct().toList());
		Map<String, Department> departments = this.references.departmentsByCode(
				items.values().stream().map(ServiceItem::getDepartmentCode).distinct().toList());
		Map<Bundle, String> labels = new LinkedHashMap<>();
		for (Bundle bundle : bundles) {
			List<String> names = bundle.items()
				.stream()
				.map((item) -> items.get(item.code()))
				.filter(Objects::nonNull)
				.map((item) -> departments.get(item.getDepartmentCode()))
				.filter(Objects::nonNull)
				.map(Department::name)
				.toList();
			labels.put(bundle, AccessibilityLabels.bundle(bundle.name(), names));
		}
		return labels;
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
