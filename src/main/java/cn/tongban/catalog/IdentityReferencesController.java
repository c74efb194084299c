package cn.tongban.catalog;

import java.util.List;
import java.util.Map;

import cn.tongban.identity.EnterpriseDetails;
import cn.tongban.identity.PersonDetails;
import cn.tongban.identity.Viewer;
import cn.tongban.platform.graphql.Batches;

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
		return Batches.resolve(viewers, Viewer::departmentCode, this.catalog::departmentsByCode);
	}

	@BatchMapping(typeName = "PersonProfile", field = "region")
	Map<PersonDetails, Region> personRegion(List<PersonDetails> people) {
		return Batches.resolve(people, PersonDetails::regionCode, this.catalog::regionsByCode);
	}

	@BatchMapping(typeName = "EnterpriseProfile", field = "region")
	Map<EnterpriseDetails, Region> enterpriseRegion(List<EnterpriseDetails> enterprises) {
		return Batches.resolve(enterprises, EnterpriseDetails::regionCode, this.catalog::regionsByCode);
	}

}
