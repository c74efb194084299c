package cn.tongban.catalog;

import cn.tongban.platform.audit.AuditLog;
import cn.tongban.platform.audit.AuditType;
import cn.tongban.platform.graphql.ClientAddress;
import cn.tongban.platform.security.Subject;
import jakarta.validation.Valid;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/** Administrators' catalogue mutations (ADMIN only); every change lands in the audit trail. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ServiceItemAdminController {

	private final ServiceItemAdminService admin;

	private final AuditLog audit;

	ServiceItemAdminController(ServiceItemAdminService admin, AuditLog audit) {
		this.admin = admin;
		this.audit = audit;
	}

	@MutationMapping
	ServiceItemPayload createServiceItem(@Argument @Valid CreateServiceItemInput input, Authentication caller,
			@ContextValue(ClientAddress.KEY) String address) {
		return audited("createServiceItem", this.admin.create(input), caller, address);
	}

	@MutationMapping
	ServiceItemPayload updateServiceItem(@Argument @Valid UpdateServiceItemInput input, Authentication caller,
			@ContextValue(ClientAddress.KEY) String address) {
		return audited("updateServiceItem", this.admin.update(input), caller, address);
	}

	@MutationMapping
	ServiceItemPayload retireServiceItem(@Argument @Valid RetireServiceItemInput input, Authentication caller,
			@ContextValue(ClientAddress.KEY) String address) {
		return audited("retireServiceItem", this.admin.retire(input), caller, address);
	}

	private ServiceItemPayload audited(String operation, ServiceItem item, Authentication caller, String address) {
		this.audit.record(AuditType.ADMIN_CHANGE, Subject.from(caller), address, item.getCode(),
				operation + " → version " + item.getVersion());
		return new ServiceItemPayload(item);
	}

	record ServiceItemPayload(ServiceItem serviceItem) {
	}

}
