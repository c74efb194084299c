package cn.tongban.platform.privacy;

/**
 * Masked forms of personal data for display to anyone but its holder: enough to recognise,
 * not enough to use. Null stays null; values too short to mask are masked whole.
 */
public final class Masking {

	private Masking() {
	}

	/** ID number: first 6 and last 4 kept, 370202********1234. */
	public static String idNumber(String value) {
		return keep(value, 6, 4);
	}

	/** Mobile number: first 3 and last 4 kept, 138****5678. */
	public static String mobile(String value) {
		return keep(value, 3, 4);
	}

	/** Person name: the surname (first character) kept, 张* or 欧**. */
	public static String name(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		int first = value.offsetByCodePoints(0, 1);
		int rest = value.codePointCount(first, value.length());
		return value.substring(0, first) + "*".repeat(Math.max(1, rest));
	}

	private static String keep(String value, int head, int tail) {
		if (value == null) {
			return null;
		}
		if (value.length() <= head + tail) {
			return "*".repeat(value.length());
		}
		return value.substring(0, head) + "*".repeat(value.length() - head - tail)
				+ value.substring(value.length() - tail);
	}

}
