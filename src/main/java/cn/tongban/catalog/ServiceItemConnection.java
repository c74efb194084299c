package cn.tongban.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.tongban.catalog.search.TextSegment;
import cn.tongban.platform.graphql.PageInfo;
import cn.tongban.platform.graphql.PageRequest;
import cn.tongban.reference.LifeEvent;

/** A page of service items with what search adds: scores, highlighted names and facet counts. */
record ServiceItemConnection(List<Edge> edges, PageInfo pageInfo, long totalCount, Facets facets,
		String correctedQuery, NoResults noResults) {

	static ServiceItemConnection of(List<Edge> edges, PageRequest page, long totalCount, Facets facets,
			String correctedQuery, NoResults noResults) {
		return new ServiceItemConnection(edges, PageInfo.of(page, edges.size(), totalCount), totalCount,
				facets, correctedQuery, noResults);
	}

	public List<ServiceItem> nodes() {
		return this.edges.stream().map(Edge::node).toList();
	}

	/** @param score relevance, null when listing without a query */
	record Edge(String cursor, ServiceItem node, Float score, List<TextSegment> nameHighlight) {
	}

	/** Facet counts by code over all matches: department, life event, channel. */
	record Facets(List<Count> departments, List<Count> lifeEvents, List<Count> channels) {

		static List<Count> counts(Map<String, Integer> byCode) {
			List<Count> counts = new ArrayList<>();
			byCode.forEach((code, count) -> counts.add(new Count(code, count)));
			return counts;
		}

	}

	record Count(String code, int count) {
	}

	/** What a search with no result offers instead (没有结果时). */
	record NoResults(String didYouMean, List<LifeEvent> relatedLifeEvents, List<ServiceItem> hotItems) {
	}

}
