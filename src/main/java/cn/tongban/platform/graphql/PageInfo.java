package cn.tongban.platform.graphql;

/** Relay page info of a connection page. */
public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {

	/** Page info of {@code returned} items starting at the page's offset, out of {@code total}. */
	public static PageInfo of(PageRequest page, int returned, long total) {
		boolean empty = returned == 0;
		return new PageInfo(page.offset() + returned < total, page.offset() > 0,
				empty ? null : PageRequest.cursor(page.offset()),
				empty ? null : PageRequest.cursor(page.offset() + returned - 1));
	}

}
