package cn.tongban.catalog.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Toneless pinyin of Chinese text (pinyin4j), as typed on a phone keyboard: ü as v. Polyphonic
 * characters (行 xing/hang, 重 zhong/chong) yield every reading, up to {@link #MAX_VARIANTS}
 * spellings per text, so 银行 is found by "yinhang" and 步行 by "buxing".
 */
public final class Pinyin {

	static final int MAX_VARIANTS = 16;

	private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

	private static final Map<Character, List<String>> READINGS = new ConcurrentHashMap<>();

	static {
		FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
	}

	private Pinyin() {
	}

	/** Readings of one character; a non-Chinese character reads as itself (lower case). */
	public static List<String> readings(char c) {
		return READINGS.computeIfAbsent(c, Pinyin::lookUp);
	}

	private static List<String> lookUp(char c) {
		try {
			String[] found = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
			if (found == null || found.length == 0) {
				return Character.isLetterOrDigit(c) ? List.of(String.valueOf(Character.toLowerCase(c))) : List.of();
			}
			return List.copyOf(new LinkedHashSet<>(List.of(found)));
		}
		catch (BadHanyuPinyinOutputFormatCombination ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Syllables of each character, one reading choice per variant: [[zhu, fang], [zhu, fang]…]. */
	public static List<List<String>> syllableVariants(String text) {
		List<List<String>> variants = new ArrayList<>();
		variants.add(new ArrayList<>());
		for (char c : text.toCharArray()) {
			List<String> readings = readings(c);
			if (readings.isEmpty()) {
				continue;
			}
			List<List<String>> next = new ArrayList<>();
			for (List<String> variant : variants) {
				for (String reading : readings) {
					if (next.size() >= MAX_VARIANTS) {
						break;
					}
					List<String> extended = new ArrayList<>(variant);
					extended.add(reading);
					next.add(extended);
				}
			}
			variants = next;
		}
		return variants;
	}

	/** Full pinyin spellings: 公积金 → gongjijin. */
	public static Set<String> full(String text) {
		Set<String> out = new LinkedHashSet<>();
		for (List<String> syllables : syllableVariants(text)) {
			out.add(String.join("", syllables));
		}
		return out;
	}

	/** Initials: 公积金 → gjj. */
	public static Set<String> initials(String text) {
		Set<String> out = new LinkedHashSet<>();
		for (List<String> syllables : syllableVariants(text)) {
			StringBuilder initials = new StringBuilder(syllables.size());
			syllables.forEach((syllable) -> initials.append(syllable.charAt(0)));
			out.add(initials.toString());
		}
		return out;
	}

	/**
	 * The spelling from every syllable boundary to the end, full ({@code initials == false}) or as
	 * initials: a prefix query on these finds "gongjijin" or "gjj" anywhere in 住房公积金提取 while
	 * still starting at a syllable.
	 */
	public static Set<String> suffixesFromSyllableBoundaries(String text, boolean initials) {
		Set<String> out = new LinkedHashSet<>();
		for (List<String> syllables : syllableVariants(text)) {
			for (int start = 0; start < syllables.size(); start++) {
				StringBuilder spelled = new StringBuilder();
				for (String syllable : syllables.subList(start, syllables.size())) {
					spelled.append(initials ? syllable.substring(0, 1) : syllable);
				}
				out.add(spelled.toString());
			}
		}
		return out;
	}

	public static boolean isPinyinLike(String text) {
		return !text.isEmpty() && text.chars().allMatch((c) -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
	}

}
