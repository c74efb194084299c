package cn.tongban.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.tongban.identity.EnterpriseDetails;
import cn.tongban.identity.PersonDetails;
import cn.tongban.identity.Viewer;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * Catalogue references on identity types (a staff member's department, a person's region). They are
 * resolved here because the catalogue owns departments and regions and {@code identity} must not
 * depend on it (certificates depend on identity, and the catalogue on certificates).
 */
@Controller
class IdentityReferencesController {

	private final CatalogService catalog;

	IdentityReferencesController(CatalogService catalog) {
		this.catalog = catalog;
	}

	@BatchMapping(typeName = "Viewer")
	Map<Viewer, Department> department(List<Viewer> viewers) {
		Map<String, Department> byCode = this.catalog
			.departmentsByCode(viewers.stream().map(Viewer::departmentCode).filter(java.util.Objects::nonNull).toList());
		Map<Viewer, Department> result = new LinkedHashMap<>();
		viewers.forEach((viewer) -> result.put(viewer, byCode.get(viewer.departmentCode())));
		return result;
	}

	@BatchMapping(typeName = "PersonProfile", field = "region")
	Map<PersonDetails, Region> personRegion(List<PersonDetails> people) {
		Map<String, Region> byCode = this.catalog.regionsByCode(people.stream().map(PersonDetails::regionCode).toList());
		Map<PersonDetails, Region> result = new LinkedHashMap<>();
		people.forEach((person) -> result.put(person, byCode.get(person.regionCode())));
		return result;
	}

	@BatchMapping(typeName = "EnterpriseProfile", field = "region")
	Map<EnterpriseDetails, Region> enterpriseRegion(List<EnterpriseDetails> enterprises) {
		Map<String, Region> byCode = this.catalog
			.regionsByCode(enterprises.stream().map(EnterpriseDetails::regionCode).toList());
		Map<EnterpriseDetails, Region> result = new LinkedHashMap<>();
		enterprises.forEach((enterprise) -> result.put(enterprise, byCode.get(enterprise.regionCode())));
		return result;
	}

}
