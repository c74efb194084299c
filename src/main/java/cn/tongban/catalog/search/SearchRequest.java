package cn.tongban.catalog.search;

import java.util.List;
import java.util.Map;

/**
 * @param text normalised query text, or null to list by popularity
 * @param filters field → required value (department, region, target, lifeEvent, channel,
 * serviceMode, type, codeEnabled)
 * @param nearRegion the resident's region: its implementations rank first
 * @param everyImplementation every region's implementation is a result of its own; otherwise one
 * result per basic item (三级四同), counted that way in totals and facets
 * @param shownRegions which implementation stands for a basic item, in order of preference (the
 * resident's region, then the city); the best-ranked one when none of them implements it
 */
public record SearchRequest(String text, Map<String, String> filters, String nearRegion, int offset, int size,
		boolean everyImplementation, List<String> shownRegions) {

	public SearchRequest {
		// requests are cache keys: unchangeable copies
		filters = Map.copyOf(filters);
		shownRegions = List.copyOf(shownRegions);
	}

	/** Every implementation a result of its own. */
	public SearchRequest(String text, Map<String, String> filters, String nearRegion, int offset, int size) {
		this(text, filters, nearRegion, offset, size, true, List.of());
	}

}
