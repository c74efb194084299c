package cn.tongban.catalog.search;

import java.util.List;

/**
 * What the search index knows of an active service item: its text in order of weight (name,
 * aliases, keywords, guide), its filter values and its popularity. Built by the catalogue.
 */
public record IndexedItem(String code, String basicCode, String name, List<String> aliases, List<String> keywords,
		String guideText, String department, String region, List<String> targets, List<String> lifeEvents,
		List<String> channels, List<String> serviceModes, String type, boolean codeEnabled, int popularity) {
}
