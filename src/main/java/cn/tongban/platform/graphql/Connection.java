package cn.tongban.platform.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A Relay connection page: edges with opaque cursors, the same nodes without them, page info and
 * the total. The GraphQL types (…Connection, …Edge) are declared per node type in the schema.
 */
public record Connection<T>(List<Edge<T>> edges, List<T> nodes, PageInfo pageInfo, long totalCount) {

	/** The page of {@code nodes} that {@code page} asked for, out of {@code total}. */
	public static <T> Connection<T> of(PageRequest page, List<T> nodes, long total) {
		List<Edge<T>> edges = new ArrayList<>(nodes.size());
		for (int i = 0; i < nodes.size(); i++) {
			edges.add(new Edge<>(PageRequest.cursor(page.offset() + i), nodes.get(i)));
		}
		return new Connection<>(edges, nodes, PageInfo.of(page, nodes.size(), total), total);
	}

	/** The same page with each node replaced by what {@code to} makes of it, cursors kept. */
	public <R> Connection<R> map(Function<T, R> to) {
		List<Edge<R>> mapped = new ArrayList<>(this.edges.size());
		for (Edge<T> edge : this.edges) {
			mapped.add(new Edge<>(edge.cursor(), to.apply(edge.node())));
		}
		return new Connection<>(mapped, mapped.stream().map(Edge::node).toList(), this.pageInfo, this.totalCount);
	}

	/** A node with its cursor. */
	public record Edge<T>(String cursor, T node) {
	}

}
