package cn.tongban.catalog.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Completions for the search box, called on every keystroke: distinct item names, most popular
 * first, matched by Chinese prefix, then Chinese infix; or by full pinyin or initials from the
 * start of the name, then from any later syllable (gj → 住房公积金提取). Every way a name can be
 * matched is a key in a sorted array, so a keystroke is a binary search and a scan of the keys
 * that start with what was typed, not a pass over the catalogue. An immutable snapshot, replaced
 * whole when the catalogue changes.
 */
public final class SearchSuggester {

	private static final int READINGS_PER_NAME = 4;

	private volatile Snapshot snapshot = new Snapshot(List.of(), Keys.EMPTY, Keys.EMPTY, Keys.EMPTY, Keys.EMPTY);

	/** @param popularityByName each distinct active item name and its highest popularity */
	public void rebuild(Map<String, Integer> popularityByName) {
		List<String> names = popularityByName.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map(Map.Entry::getKey)
			.toList();
		Keys.Builder chineseStart = new Keys.Builder();
		Keys.Builder chineseLater = new Keys.Builder();
		Keys.Builder pinyinStart = new Keys.Builder();
		Keys.Builder pinyinLater = new Keys.Builder();
		for (int rank = 0; rank < names.size(); rank++) {
			String name = names.get(rank);
			chineseStart.add(name, rank);
			for (int from = 1; from < name.length(); from++) {
				chineseLater.add(name.substring(from), rank);
			}
			List<List<String>> readings = Pinyin.syllableVariants(name);
			for (List<String> syllables : readings.subList(0, Math.min(READINGS_PER_NAME, readings.size()))) {
				for (int from = 0; from < syllables.size(); from++) {
					Keys.Builder keys = (from == 0) ? pinyinStart : pinyinLater;
					keys.add(spelled(syllables, from, false), rank);
					keys.add(spelled(syllables, from, true), rank);
				}
			}
		}
		this.snapshot = new Snapshot(names, chineseStart.build(), chineseLater.build(), pinyinStart.build(),
				pinyinLater.build());
	}

	public List<Suggestion> suggest(String prefix, int limit) {
		String typed = prefix.strip().toLowerCase(Locale.ROOT);
		Snapshot current = this.snapshot;
		Set<Integer> found = new LinkedHashSet<>();
		boolean pinyin = Pinyin.isPinyinLike(typed);
		if (pinyin) {
			current.pinyinStart().collect(typed, limit, found);
			if (typed.length() >= 2) {
				current.pinyinLater().collect(typed, limit, found);
			}
		}
		else {
			current.chineseStart().collect(typed, limit, found);
			current.chineseLater().collect(typed, limit, found);
		}
		List<Suggestion> suggestions = new ArrayList<>(found.size());
		for (int rank : found) {
			String name = current.names().get(rank);
			suggestions.add(new Suggestion(name, pinyin ? NameHighlighter.segments(name, Set.of(), typed)
					: NameHighlighter.segments(name, Set.of(typed), null)));
		}
		return suggestions;
	}

	/** The syllables from {@code from} on, in full or as initials: 住房公积金 from 2 → gongjijin / gjj. */
	private static String spelled(List<String> syllables, int from, boolean initials) {
		StringBuilder spelled = new StringBuilder();
		for (int i = from; i < syllables.size(); i++) {
			spelled.append(initials ? syllables.get(i).substring(0, 1) : syllables.get(i));
		}
		return spelled.toString();
	}

	private record Snapshot(List<String> names, Keys chineseStart, Keys chineseLater, Keys pinyinStart,
			Keys pinyinLater) {
	}

	/** Sorted keys, each with the popularity rank of the name it leads to (0 = most popular). */
	private static final class Keys {

		static final Keys EMPTY = new Keys(new String[0], new int[0]);

		private final String[] keys;

		private final int[] ranks;

		private Keys(String[] keys, int[] ranks) {
			this.keys = keys;
			this.ranks = ranks;
		}

		/** Adds to {@code found}, up to {@code limit} in all, the best ranks of keys starting with {@code typed}. */
		void collect(String typed, int limit, Set<Integer> found) {
			int wanted = limit - found.size();
			if (wanted <= 0 || typed.isEmpty()) {
				return;
			}
			int[] best = new int[wanted];
			int count = 0;
			for (int i = firstAtLeast(typed); i < this.keys.length && this.keys[i].startsWith(typed); i++) {
				int rank = this.ranks[i];
				if (found.contains(rank) || (count == wanted && rank >= best[count - 1]) || contains(best, count, rank)) {
					continue;
				}
				// insertion into the sorted best ranks, dropping the worst when full
				int at = (count < wanted) ? count++ : count - 1;
				while (at > 0 && best[at - 1] > rank) {
					best[at] = best[at - 1];
					at--;
				}
				best[at] = rank;
			}
			for (int i = 0; i < count; i++) {
				found.add(best[i]);
			}
		}

		private int firstAtLeast(String typed) {
			int low = 0;
			int high = this.keys.length;
			while (low < high) {
				int middle = (low + high) >>> 1;
				if (this.keys[middle].compareTo(typed) < 0) {
					low = middle + 1;
				}
				else {
					high = middle;
				}
			}
			return low;
		}

		private static boolean contains(int[] values, int count, int value) {
			for (int i = 0; i < count; i++) {
				if (values[i] == value) {
					return true;
				}
			}
			return false;
		}

		static final class Builder {

			private final List<Map.Entry<String, Integer>> entries = new ArrayList<>();

			void add(String key, int rank) {
				if (!key.isEmpty()) {
					this.entries.add(Map.entry(key, rank));
				}
			}

			Keys build() {
				Map.Entry<String, Integer>[] sorted = this.entries.toArray(Map.Entry[]::new);
				Arrays.sort(sorted, Map.Entry.<String, Integer>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
				String[] keys = new String[sorted.length];
				int[] ranks = new int[sorted.length];
				int size = 0;
				for (Map.Entry<String, Integer> entry : sorted) {
					// the same key for the same name (two readings that agree) is kept once
					if (size > 0 && keys[size - 1].equals(entry.getKey()) && ranks[size - 1] == entry.getValue()) {
						continue;
					}
					keys[size] = entry.getKey();
					ranks[size] = entry.getValue();
					size++;
				}
				return new Keys(Arrays.copyOf(keys, size), Arrays.copyOf(ranks, size));
			}

		}

	}

	/** A completion: the item name to search for, with the typed part marked. */
	public record Suggestion(String text, List<TextSegment> segments) {
	}

}
