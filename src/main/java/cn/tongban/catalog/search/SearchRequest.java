package cn.tongban.catalog.search;

import java.util.Map;

/**
 * @param text normalised query text, or null to list by popularity
 * @param filters field → required value (department, region, target, lifeEvent, channel,
 * serviceMode, type, codeEnabled)
 * @param nearRegion the resident's region: its implementations rank first
 */
public record SearchRequest(String text, Map<String, String> filters, String nearRegion, int offset, int size) {

	public SearchRequest {
		// requests are cache keys: an unchangeable copy
		filters = Map.copyOf(filters);
	}

}
