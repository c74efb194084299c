package cn.tongban.platform.graphql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of a client's input an error message may repeat: at most {@value #MAX_QUOTED} characters
 * of any value, so a 20,000-character id does not come back whole (log and response flooding, and
 * reflected content in clients that show the message).
 */
public final class InputEcho {

	static final int MAX_QUOTED = 64;

	/** graphql-java's own messages: their text plus bounded quotes stays well under this. */
	static final int MAX_MESSAGE = 400;

	private static final Pattern QUOTED = Pattern.compile("(['\"])([^'\"]{" + (MAX_QUOTED + 1) + ",})\\1");

	private InputEcho() {
	}

	public static String bounded(String value) {
		return (value == null || value.length() <= MAX_QUOTED) ? value
				: value.substring(0, MAX_QUOTED) + "…(" + value.length() + " characters)";
	}

	static Object[] bounded(Object[] args) {
		if (args == null) {
			return null;
		}
		Object[] copy = args.clone();
		for (int i = 0; i < copy.length; i++) {
			if (copy[i] instanceof CharSequence text) {
				copy[i] = bounded(text.toString());
			}
		}
		return copy;
	}

	/** A message that quotes input ('…' or "…") with every quoted value bounded, and the whole bounded. */
	static String boundQuotes(String message) {
		if (message == null || message.length() <= MAX_QUOTED) {
			return message;
		}
		Matcher quoted = QUOTED.matcher(message);
		StringBuilder out = new StringBuilder();
		while (quoted.find()) {
			quoted.appendReplacement(out, Matcher.quoteReplacement(
					quoted.group(1) + bounded(quoted.group(2)) + quoted.group(1)));
		}
		quoted.appendTail(out);
		return (out.length() <= MAX_MESSAGE) ? out.toString() : out.substring(0, MAX_MESSAGE) + "…";
	}

}
