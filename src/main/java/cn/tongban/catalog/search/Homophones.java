package cn.tongban.catalog.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Corrects homophone typos, the commonest kind on a pinyin keyboard (身分证, 公积今, 营业执找): a run of
 * typed characters that is not a known word but reads exactly like one (same syllables, tones
 * ignored) becomes that word; failing that, one that reads alike after folding the usual confusions
 * (zh/z, ch/c, sh/s, n/l, ing/in, eng/en, ang/an) is a near correction. Known words are the index's
 * name and alias words and the synonym terms, each spelled in every reading of its characters; of
 * two words that read the same the more frequent wins. Immutable: a new one per index change.
 */
final class Homophones {

	static final int MIN_WORD = 2;

	static final int MAX_WORD = 8;

	static final Homophones NONE = new Homophones(Map.of());

	private final Map<String, Integer> words;

	/** Syllables (space separated) → the most frequent word spelled so. */
	private final Map<String, String> exact = new HashMap<>();

	/** Folded syllables → the most frequent word spelled so. */
	private final Map<String, String> near = new HashMap<>();

	/** @param frequencies known word → how often it occurs (ties are broken by the word itself) */
	Homophones(Map<String, Integer> frequencies) {
		this.words = Map.copyOf(frequencies);
		Map<String, Integer> exactWeight = new HashMap<>();
		Map<String, Integer> nearWeight = new HashMap<>();
		frequencies.forEach((word, frequency) -> {
			if (!isWord(word)) {
				return;
			}
			for (List<String> syllables : Pinyin.syllableVariants(word)) {
				keep(this.exact, exactWeight, String.join(" ", syllables), word, frequency);
				keep(this.near, nearWeight, folded(syllables), word, frequency);
			}
		});
	}

	private static void keep(Map<String, String> byKey, Map<String, Integer> weights, String key, String word,
			int frequency) {
		Integer held = weights.get(key);
		if (held == null || frequency > held || (frequency == held && word.compareTo(byKey.get(key)) < 0)) {
			byKey.put(key, word);
			weights.put(key, frequency);
		}
	}

	static boolean isWord(String text) {
		return text.length() >= MIN_WORD && text.length() <= MAX_WORD && text.chars().allMatch(Homophones::isHan);
	}

	private static boolean isHan(int c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
	}

	/**
	 * The text with homophone typos replaced, longest known reading first: {@code exact} with only
	 * same-syllable replacements, {@code near} also with folded ones; each null when nothing changed.
	 */
	Correction correct(String text) {
		String exactText = replaced(text, false);
		String nearText = replaced(text, true);
		return new Correction(exactText.equals(text) ? null : exactText,
				(nearText.equals(text) || nearText.equals(exactText)) ? null : nearText);
	}

	private String replaced(String text, boolean folding) {
		StringBuilder out = new StringBuilder(text.length());
		int i = 0;
		while (i < text.length()) {
			int run = Math.min(hanRun(text, i), MAX_WORD);
			int taken = 0;
			for (int length = run; length >= MIN_WORD && taken == 0; length--) {
				String typed = text.substring(i, i + length);
				String word = this.words.containsKey(typed) ? typed : readsLike(typed, folding);
				if (word != null) {
					out.append(word);
					taken = length;
				}
			}
			if (taken == 0) {
				out.append(text.charAt(i));
				taken = 1;
			}
			i += taken;
		}
		return out.toString();
	}

	/** The known word spelled like {@code typed} (in any reading), or with {@code folding} alike; null when none. */
	private String readsLike(String typed, boolean folding) {
		List<List<String>> readings = Pinyin.syllableVariants(typed);
		for (List<String> syllables : readings) {
			String word = this.exact.get(String.join(" ", syllables));
			if (word != null) {
				return word;
			}
		}
		if (folding) {
			for (List<String> syllables : readings) {
				String word = this.near.get(folded(syllables));
				if (word != null) {
					return word;
				}
			}
		}
		return null;
	}

	private static int hanRun(String text, int start) {
		int end = start;
		while (end < text.length() && isHan(text.charAt(end))) {
			end++;
		}
		return end - start;
	}

	/** Syllables with the usual confusions folded: zhi → zi, shen → sen, ling → nin. */
	static String folded(List<String> syllables) {
		StringBuilder key = new StringBuilder();
		for (String syllable : syllables) {
			String s = syllable;
			if (s.length() > 2 && (s.startsWith("zh") || s.startsWith("ch") || s.startsWith("sh"))) {
				s = s.charAt(0) + s.substring(2);
			}
			if (s.startsWith("l")) {
				s = "n" + s.substring(1);
			}
			if (s.endsWith("ng") && s.length() > 2 && !s.equals("ng")) {
				s = s.substring(0, s.length() - 1);
			}
			if (!key.isEmpty()) {
				key.append(' ');
			}
			key.append(s);
		}
		return key.toString();
	}

	/** @param exact the text with same-syllable corrections, null if none; @param near with folded ones too, null if no more */
	record Correction(String exact, String near) {

		static final Correction NONE = new Correction(null, null);

		/** What to show as the corrected query: the exact correction, else the near one. */
		String shown() {
			return (this.exact != null) ? this.exact : this.near;
		}

	}

}
