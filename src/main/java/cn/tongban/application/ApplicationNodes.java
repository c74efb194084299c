package cn.tongban.application;

import java.util.List;
import java.util.Map;

import cn.tongban.platform.graphql.NodeLookup;
import cn.tongban.platform.security.Subject;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/** Applications in {@code node(id)}: read like {@code application(id)}, by the same people. */
@Component
class ApplicationNodes implements NodeLookup.Batched {

	private final ApplicationService applications;

	ApplicationNodes(ApplicationService applications) {
		this.applications = applications;
	}

	@Override
	public boolean owns(String id) {
		return id.startsWith("app_");
	}

	@Override
	@PreAuthorize(ApplicationController.READERS)
	public Object find(String id) {
		return this.applications.visibleTo(Subject.current(), id);
	}

	/** Several applications in one read, each checked as {@link #find} checks it. */
	@Override
	@PreAuthorize(ApplicationController.READERS)
	public Map<String, Found> findAll(List<String> ids) {
		Subject viewer = Subject.current();
		Map<String, Application> stored = this.applications.byIds(ids);
		return Batched.each(ids, (id) -> this.applications.visibleTo(viewer, id, stored.get(id)));
	}

}
