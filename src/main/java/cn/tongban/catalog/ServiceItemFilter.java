package cn.tongban.catalog;

import cn.tongban.reference.ServiceTarget;

/** Filters of {@code serviceItems}; every field narrows the result, null fields are ignored. */
public record ServiceItemFilter(String department, String region, ServiceTarget target, String lifeEvent,
		Channel channel, ServiceMode serviceMode, ItemType type, Boolean codeEnabled) {

	static final ServiceItemFilter NONE = new ServiceItemFilter(null, null, null, null, null, null, null, null);

}
