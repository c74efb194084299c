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
		return new Connection<>(edges, PageInfo.of(page, nodes.size(), totalCount), totalCount);
	}

	public List<T> nodes() {
		return this.edges.stream().map(Edge::node).toList();
	}

	public record Edge<T>(String cursor, T node) {
	}

	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {

		/** Page info of {@code returned} items starting at the page's offset, out of {@code total}. */
		public static PageInfo of(PageRequest page, int returned, long total) {
			boolean empty = returned == 0;
			return new PageInfo(page.offset() + returned < total, page.offset() > 0,
					empty ? null : PageRequest.cursor(page.offset()),
					empty ? null : PageRequest.cursor(page.offset() + returned - 1));
		}

	}

}
