package cn.tongban.platform.audit;

import cn.tongban.platform.graphql.Connection;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
class AuditController {

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@QueryMapping
	@PreAuthorize("hasRole('ADMIN')")
	Connection<AuditEvent> auditEvents(@Argument Integer first, @Argument String after, @Argument AuditType type,
			@Argument String actor) {
		return this.audit.page(type, actor, first, after);
	}

}
