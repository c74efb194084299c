package cn.tongban.platform.graphql;

import java.util.ArrayList;
import java.util.List;

/**
 * A Relay connection page. Module schemas declare their own {@code XxxConnection} types with
 * these fields (plus their own extras resolved by @SchemaMapping).
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {

	public static <T> Connection<T> of(List<T> nodes, PageRequest page, long totalCount) {
		List<Edge<T>> edges = new ArrayList<>(nodes.size());
		for (int i = 0; i < nodes.size(); i++) {
			edges.add(new Edge<>(PageRequest.cursor(page.offset() + i), nodes.get(i)));
		}
		boolean hasNext = page.offset() + nodes.size() < totalCount;
		PageInfo info = new PageInfo(hasNext, page.offset() > 0, edges.isEmpty() ? null : edges.get(0).cursor(),
				edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
		return new Connection<>(edges, info, totalCount);
	}

	public List<T> nodes() {
		return this.edges.stream().map(Edge::node).toList();
	}

	public record Edge<T>(String cursor, T node) {
	}

	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

}
