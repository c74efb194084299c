package cn.tongban.application;

import cn.tongban.platform.graphql.NodeLookup;
import cn.tongban.platform.security.Subject;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/** Applications in {@code node(id)}: read like {@code application(id)}, by the same people. */
@Component
class ApplicationNodes implements NodeLookup {

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

}
