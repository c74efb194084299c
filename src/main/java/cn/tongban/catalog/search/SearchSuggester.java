package cn.tongban.catalog.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Completions for the search box, called on every keystroke: distinct item names, most popular
 * first, matched by Chinese prefix, then Chinese infix; or by full-pinyin or initials prefix, then
 * (from 3 letters) pinyin infix. An immutable snapshot, replaced whole when the catalogue changes.
 */
public final class SearchSuggester {

	private volatile List<Entry> entries = List.of();

	/** @param popularityByName each distinct active item name and its highest popularity */
	public void rebuild(Map<String, Integer> popularityByName) {
		this.entries = popularityByName.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map((e) -> new Entry(e.getKey(), Pinyin.full(e.getKey()), Pinyin.initials(e.getKey())))
			.toList();
	}

	public List<Suggestion> suggest(String prefix, int limit) {
		String typed = prefix.strip().toLowerCase(Locale.ROOT);
		Set<Entry> found = new LinkedHashSet<>();
		if (Pinyin.isPinyinLike(typed)) {
			collect(found, limit, (e) -> startsWith(e.full, typed) || startsWith(e.initials, typed));
			if (typed.length() >= 3) {
				collect(found, limit, (e) -> e.full.stream().anyMatch((s) -> s.contains(typed)));
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

	private static boolean startsWith(Set<String> spellings, String typed) {
		for (String spelling : spellings) {
			if (spelling.startsWith(typed)) {
				return true;
			}
		}
		return false;
	}

	private record Entry(String name, Set<String> full, Set<String> initials) {
	}

	/** A completion: the item name to search for, with the typed part marked. */
	public record Suggestion(String text, List<TextSegment> segments) {
	}

}
