package cn.tongban.platform.audit;

import java.util.List;

import cn.tongban.platform.graphql.PageInfo;
import cn.tongban.platform.graphql.PageRequest;

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
	AuditEventConnection auditEvents(@Argument Integer first, @Argument String after, @Argument AuditType type,
			@Argument String actor) {
		PageRequest page = PageRequest.of(first, after);
		List<AuditEvent> events = this.audit.find(type, actor, page.offset(), page.size());
		long total = this.audit.count(type, actor);
		List<Edge> edges = new java.util.ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			edges.add(new Edge(PageRequest.cursor(page.offset() + i), events.get(i)));
		}
		return new AuditEventConnection(edges, events, PageInfo.of(page, events.size(), total), total);
	}

	record AuditEventConnection(List<Edge> edges, List<AuditEvent> nodes, PageInfo pageInfo, long totalCount) {
	}

	record Edge(String cursor, AuditEvent node) {
	}

}
