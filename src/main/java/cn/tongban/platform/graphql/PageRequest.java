package cn.tongban.platform.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A validated Relay page request ({@code first}/{@code after}) as an offset and a size.
 * Cursors are opaque to clients: base64url of a versioned offset, so the format can change.
 */
public record PageRequest(int offset, int size) {

	public static final int MAX_PAGE_SIZE = 100;

	public static final int DEFAULT_PAGE_SIZE = 20;

	private static final String PREFIX = "o1:";

	/** Largest offset a cursor may carry: deep paging beyond it is refused, not slowly served. */
	private static final int MAX_OFFSET = 100_000;

	public static PageRequest of(Integer first, String after) {
		int size = (first != null) ? first : DEFAULT_PAGE_SIZE;
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw ApiException.onField("first", PlatformError.INVALID_PAGE_SIZE, MAX_PAGE_SIZE);
		}
		int offset = (after == null || after.isEmpty()) ? 0 : decode(after) + 1;
		return new PageRequest(offset, size);
	}

	public static String cursor(int offset) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
	}

	private static int decode(String cursor) {
		try {
			String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (raw.startsWith(PREFIX)) {
				int offset = Integer.parseInt(raw.substring(PREFIX.length()));
				if (offset >= 0 && offset < MAX_OFFSET) {
					return offset;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through: malformed base64 or number
		}
		throw ApiException.onField("after", PlatformError.INVALID_CURSOR);
	}

}
