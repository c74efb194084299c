package cn.tongban.catalog.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Synonyms ready for query expansion, longest term first so 身份证丢了 wins over 身份证. */
public final class SynonymTable {

	static final int MAX_VARIANTS = 8;

	private final List<Synonym> byLengthDescending;

	/** Each term's full pinyin and initials, spelled once when the table is built. */
	private final List<Spelled> spelled;

	public SynonymTable(List<Synonym> synonyms) {
		this.byLengthDescending = synonyms.stream()
			.filter((s) -> s.term() != null && !s.term().isBlank() && s.means() != null && !s.means().isEmpty())
			.sorted(Comparator.comparingInt((Synonym s) -> s.term().length()).reversed())
			.toList();
		this.spelled = this.byLengthDescending.stream()
			.map((s) -> new Spelled(s, Pinyin.full(s.term()), Pinyin.initials(s.term())))
			.toList();
	}

	/**
	 * The text itself, then the text with colloquial terms replaced by what they mean; replacements
	 * compound (驾照丢了 → 机动车驾驶证丢了 → 机动车驾驶证补证), at most {@link #MAX_VARIANTS} in all.
	 */
	List<String> variants(String text) {
		Set<String> variants = new LinkedHashSet<>();
		variants.add(text);
		for (Synonym synonym : this.byLengthDescending) {
			for (String variant : new ArrayList<>(variants)) {
				if (!variant.contains(synonym.term())) {
					continue;
				}
				for (String meaning : synonym.means()) {
					// a meaning that contains its term (身份证 → 居民身份证) is applied once only
					if (meaning.contains(synonym.term()) && variant.contains(meaning)) {
						continue;
					}
					if (variants.size() >= MAX_VARIANTS) {
						return new ArrayList<>(variants);
					}
					variants.add(variant.replace(synonym.term(), meaning));
				}
			}
		}
		return new ArrayList<>(variants);
	}

	/** Every term and meaning, as words residents and the catalogue use. */
	List<String> words() {
		List<String> words = new ArrayList<>();
		for (Synonym synonym : this.byLengthDescending) {
			words.add(synonym.term());
			words.addAll(synonym.means());
		}
		return words;
	}

	/** Meanings of the terms whose full pinyin or initials are exactly what was typed (shebao, sb → 社保). */
	List<String> meaningsOfPinyin(String typed) {
		List<String> meanings = new ArrayList<>();
		for (Spelled entry : this.spelled) {
			if (entry.full().contains(typed) || (typed.length() >= 2 && entry.initials().contains(typed))) {
				meanings.addAll(entry.synonym().means());
				if (meanings.size() >= MAX_VARIANTS) {
					break;
				}
			}
		}
		return meanings;
	}

	private record Spelled(Synonym synonym, Set<String> full, Set<String> initials) {
	}

}
