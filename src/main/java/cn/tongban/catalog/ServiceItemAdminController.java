package cn.tongban.catalog;

import jakarta.validation.Valid;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Administrators' catalogue mutations, kept apart from the public queries so that the security
 * layer has one class to guard (ADMIN only).
 */
@Controller
class ServiceItemAdminController {

	private final ServiceItemAdminService admin;

	ServiceItemAdminController(ServiceItemAdminService admin) {
		this.admin = admin;
	}

	@MutationMapping
	ServiceItemPayload createServiceItem(@Argument @Valid CreateServiceItemInput input) {
		return new ServiceItemPayload(this.admin.create(input));
	}

	@MutationMapping
	ServiceItemPayload updateServiceItem(@Argument @Valid UpdateServiceItemInput input) {
		return new ServiceItemPayload(this.admin.update(input));
	}

	@MutationMapping
	ServiceItemPayload retireServiceItem(@Argument @Valid RetireServiceItemInput input) {
		return new ServiceItemPayload(this.admin.retire(input));
	}

	record ServiceItemPayload(ServiceItem serviceItem) {
	}

}
