package cn.tongban.platform.mongo;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Json;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * Turns index values into the string keys of a {@link SecondaryIndex}: one segment per value, each
 * ended by {@link #END}, so that the key of a document is its index values' segments followed by its
 * {@code _id}'s, and every key with the same leading values shares their segments as a prefix.
 * <p>
 * Values compare as MongoDB compares them for equality: numbers by value whatever their type (an
 * {@code Integer} 5 equals a {@code Double} 5.0), a missing field like {@code null}. Within one type
 * the segments also sort as MongoDB sorts the values (numbers, dates, strings by code unit,
 * booleans, object ids), so entries under a prefix come in the order of the next key; across types
 * the order is by type tag, which for the fields sorted here (dates) does not arise.
 */
final class IndexKeys {

	/** Ends a segment; never inside one (escaped, as is {@link #ESCAPE}). */
	static final char END = '\u0000';

	private static final char ESCAPE = '\u0001';

	private IndexKeys() {
	}

	/** Whether an equality on this query value can be answered from the index. */
	static boolean isExactValue(Object value) {
		return value instanceof String || value instanceof Number || value instanceof Boolean
				|| value instanceof ObjectId || value instanceof Date || value instanceof Instant
				|| value instanceof UUID;
	}

	/** The segment of one value, {@link #END} included. */
	static String segment(Object value) {
		StringBuilder out = new StringBuilder();
		append(out, value);
		return out.toString();
	}

	static void append(StringBuilder out, Object value) {
		if (value == null || value instanceof Missing) {
			out.append('0'); // before every other type, as MongoDB sorts null
		}
		else if (value instanceof String text) {
			out.append('s');
			escape(out, text);
		}
		else if (value instanceof Number number) {
			out.append('n').append(canonical(number));
		}
		else if (value instanceof Boolean flag) {
			out.append(flag ? "b1" : "b0");
		}
		else if (value instanceof ObjectId id) {
			out.append('o').append(id.getHexData());
		}
		else if (value instanceof Date date) {
			out.append('d').append(sortable(date.getTime()));
		}
		else if (value instanceof Instant instant) {
			out.append('d').append(sortable(instant.toEpochMilli()));
		}
		else if (value instanceof UUID uuid) {
			out.append('u').append(uuid);
		}
		else {
			// documents, binary, arrays in arrays: never asked for by equality here, but the key must be
			// the same when the document is added and when it is removed
			out.append('x').append(value.getClass().getSimpleName()).append(':');
			escape(out, Json.toCompactJsonValue(value));
		}
		out.append(END);
	}

	/**
	 * As MongoDB and mongo-java-server compare numbers: by value as a double (so -0.0 is 0.0), except a
	 * long too large for a double, which stays a long. Fixed-width hex of the double's bits turned so
	 * that their unsigned order is the numbers' order.
	 */
	private static String canonical(Number number) {
		if (number instanceof Long whole && whole.longValue() != (long) whole.doubleValue()) {
			return "L" + sortable(whole);
		}
		double value = number.doubleValue();
		long bits = Double.doubleToLongBits((value == 0.0) ? 0.0 : value);
		return hex((bits < 0) ? ~bits : bits ^ Long.MIN_VALUE);
	}

	/** A signed long as 16 hex digits whose string order is the numbers' order. */
	private static String sortable(long value) {
		return hex(value ^ Long.MIN_VALUE);
	}

	private static String hex(long unsigned) {
		String digits = Long.toHexString(unsigned);
		return "0".repeat(16 - digits.length()) + digits;
	}

	private static void escape(StringBuilder out, String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == END || c == ESCAPE) {
				out.append(ESCAPE).append((char) (c + 2));
			}
			else {
				out.append(c);
			}
		}
	}

}
