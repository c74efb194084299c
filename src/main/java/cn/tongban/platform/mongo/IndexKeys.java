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
 * {@code Integer} 5 equals a {@code Double} 5.0), a missing field like {@code null}.
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
			out.append('z');
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
			out.append('d').append(date.getTime());
		}
		else if (value instanceof Instant instant) {
			out.append('d').append(instant.toEpochMilli());
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

	/** As MongoDB and mongo-java-server compare numbers: a long too large for a double stays a long. */
	private static String canonical(Number number) {
		if (number instanceof Long whole && whole.longValue() != (long) whole.doubleValue()) {
			return "L" + whole;
		}
		double value = number.doubleValue();
		return (value == 0.0) ? "0.0" : Double.toString(value);
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
