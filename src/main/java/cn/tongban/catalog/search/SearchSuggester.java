package cn.tongban.catalog.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Completions for the search box, called on every keystroke: distinct item names, most popular
 * first, matched by Chinese prefix, then Chinese infix; or by full pinyin or initials from the
 * start of the name, then from any later syllable (gj → 住房公积金提取). An immutable snapshot,
 * replaced whole when the catalogue changes.
 */
public final class SearchSuggester {

	private static final int READINGS_PER_NAME = 4;

	private volatile List<Entry> entries = List.of();

	/** @param popularityByName each distinct active item name and its highest popularity */
	public void rebuild(Map<String, Integer> popularityByName) {
		this.entries = popularityByName.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map((e) -> new Entry(e.getKey(), readings(e.getKey())))
			.toList();
	}

	public List<Suggestion> suggest(String prefix, int limit) {
		String typed = prefix.strip().toLowerCase(Locale.ROOT);
		Set<Entry> found = new LinkedHashSet<>();
		if (Pinyin.isPinyinLike(typed)) {
			collect(found, limit, (e) -> spelledFrom(e, typed, true));
			if (typed.length() >= 2) {
				collect(found, limit, (e) -> spelledFrom(e, typed, false));
			}
			return found.stream()
				.map((e) -> new Suggestion(e.name, NameHighlighter.segments(e.name, Set.of(), typed)))
				.toList();
		}
		collect(found, limit, (e) -> e.name.startsWith(typed));
		collect(found, limit, (e) -> e.name.contains(typed));
		return found.stream()
			.map((e) -> new Suggestion(e.name, NameHighlighter.segments(e.name, Set.of(typed), null)))
			.toList();
	}

	private void collect(Set<Entry> found, int limit, Predicate<Entry> matches) {
		for (Entry entry : this.entries) {
			if (found.size() >= limit) {
				return;
			}
			if (matches.test(entry)) {
				found.add(entry);
			}
		}
	}

	/** Readings per character (at most {@link #READINGS_PER_NAME} choices), kept compact. */
	private static List<List<String>> readings(String name) {
		List<List<String>> variants = Pinyin.syllableVariants(name);
		return variants.subList(0, Math.min(READINGS_PER_NAME, variants.size()));
	}

	/** Whether the name, read from its first syllable ({@code atStart}) or any later one, spells what was typed. */
	private static boolean spelledFrom(Entry entry, String typed, boolean atStart) {
		for (List<String> syllables : entry.readings) {
			int from = atStart ? 0 : 1;
			int to = atStart ? 1 : syllables.size();
			for (int start = from; start < to; start++) {
				if (spells(syllables, start, typed, false) || spells(syllables, start, typed, true)) {
					return true;
				}
			}
		}
		return false;
	}

	/** Whether syllables from {@code start} spell {@code typed} in full pinyin (the last one may be partial) or initials. */
	private static boolean spells(List<String> syllables, int start, String typed, boolean initials) {
		int at = 0;
		for (int i = start; i < syllables.size() && at < typed.length(); i++) {
			String piece = initials ? syllables.get(i).substring(0, 1) : syllables.get(i);
			int n = Math.min(piece.length(), typed.length() - at);
			if (!typed.regionMatches(at, piece, 0, n)) {
				return false;
			}
			at += n;
		}
		return at == typed.length();
	}

	private record Entry(String name, List<List<String>> readings) {
	}

	/** A completion: the item name to search for, with the typed part marked. */
	public record Suggestion(String text, List<TextSegment> segments) {
	}

}
