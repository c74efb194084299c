package cn.tongban.catalog.search;

import java.util.List;
import java.util.Map;

/**
 * @param hits the requested page, best first
 * @param total all matches
 * @param facets per dimension (department, lifeEvent, channel): value → count over all matches
 * @param correctedQuery the text as corrected for homophone typos, searched along with what was
 * typed; null when there was nothing to correct
 */
public record SearchResult(List<Hit> hits, long total, Map<String, Map<String, Integer>> facets,
		String correctedQuery) {

	/** A matching item with its relevance and the matched runs of its name. */
	public record Hit(String code, float score, List<TextSegment> nameSegments) {
	}

}
