package cn.tongban.reference;

import java.util.List;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
class ReferenceController {

	private final References references;

	ReferenceController(References references) {
		this.references = references;
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	List<Department> departments() {
		return this.references.departments();
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	List<Region> regions() {
		return this.references.regions();
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	List<LifeEvent> lifeEvents() {
		return this.references.lifeEvents();
	}

	@SchemaMapping(typeName = "Region")
	Region parent(Region region) {
		return this.references.region(region.parentCode());
	}

}
