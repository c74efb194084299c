package cn.tongban.catalog.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Marks the characters of an item name that the search matched: the query's words (and their
 * synonyms' words) as substrings, and for a pinyin query the run of characters whose pinyin or
 * initials spell it.
 */
final class NameHighlighter {

	private NameHighlighter() {
	}

	static List<TextSegment> segments(String name, Set<String> words, String pinyin) {
		boolean[] marked = new boolean[name.length()];
		for (String word : words) {
			for (int at = name.indexOf(word); at >= 0 && !word.isEmpty(); at = name.indexOf(word, at + 1)) {
				for (int i = at; i < at + word.length(); i++) {
					marked[i] = true;
				}
			}
		}
		if (pinyin != null) {
			markPinyin(name, pinyin, marked);
		}
		List<TextSegment> segments = new ArrayList<>();
		int start = 0;
		for (int i = 1; i <= name.length(); i++) {
			if (i == name.length() || marked[i] != marked[start]) {
				segments.add(new TextSegment(name.substring(start, i), name.isEmpty() ? false : marked[start]));
				start = i;
			}
		}
		return segments;
	}

	/** From each start character, extend while the typed pinyin is still a prefix of what the run spells. */
	private static void markPinyin(String name, String typed, boolean[] marked) {
		for (int start = 0; start < name.length(); start++) {
			int end = matchEnd(name, start, typed, true);
			if (end < 0) {
				end = matchEnd(name, start, typed, false);
			}
			if (end > start) {
				for (int i = start; i < end; i++) {
					marked[i] = true;
				}
				return;
			}
		}
	}

	private static int matchEnd(String name, int start, String typed, boolean full) {
		int consumed = 0;
		int i = start;
		while (consumed < typed.length() && i < name.length()) {
			boolean advanced = false;
			for (String reading : Pinyin.readings(name.charAt(i))) {
				String piece = full ? reading : reading.substring(0, 1);
				String rest = typed.substring(consumed);
				if (rest.startsWith(piece) || (full && piece.startsWith(rest))) {
					consumed += Math.min(piece.length(), rest.length());
					advanced = true;
					break;
				}
			}
			if (!advanced) {
				return -1;
			}
			i++;
		}
		return (consumed == typed.length()) ? i : -1;
	}

}
