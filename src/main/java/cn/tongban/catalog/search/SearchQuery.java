package cn.tongban.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns what a resident typed into a Lucene query, built from analyzed terms (never parsed), so
 * Lucene syntax in the input is just text. Chinese text is segmented (smartcn) and also matched
 * as character bigrams; colloquial terms add variants in catalogue language; letters are read as
 * full pinyin or initials. Weights: name 8 > aliases 4 > keywords 2 > guide text 1.
 * <p>
 * Guide text (conditions, materials, legal basis) mentions common words everywhere: 身份证 is in
 * the materials of most items. {@link #namedFilter} therefore narrows a search to items whose name,
 * aliases or keywords carry a typed word: a match on guide text alone would score under the
 * relevance floor next to them anyway, and scoring the tens of thousands of such items dominated
 * the cost of a search. Only when nothing is named that way is the guide text searched alone.
 */
final class SearchQuery {

	/** Filler words that say nothing about which item is meant. */
	private static final Set<String> FILLERS = Set.of("我", "要", "想", "办", "办理", "怎么", "如何", "怎样", "去", "哪里",
			"在", "哪儿", "的", "了", "吗", "呢", "需要", "什么", "可以", "能", "个", "一下", "手续", "流程", "在线");

	private static final Pattern CODE = Pattern.compile("(\\d{6})?(XK|JF|QR|GG|QT)\\d{10}", Pattern.CASE_INSENSITIVE);

	private static final Analyzer CHINESE = SearchFields.chinese();

	private static final Analyzer BIGRAMS = new CJKAnalyzer();

	final Query query;

	/** Words to highlight in names. */
	final Set<String> words = new LinkedHashSet<>();

	/** The typed pinyin, when the input was pinyin. */
	final String pinyin;

	/** Homophone corrections searched along with the typed text; {@link Homophones.Correction#NONE} when none. */
	Homophones.Correction correction = Homophones.Correction.NONE;

	/** A corrected text's matches rank below the typed text's: same syllables, then near ones. */
	static final float EXACT_HOMOPHONE_WEIGHT = 0.8f;

	static final float NEAR_HOMOPHONE_WEIGHT = 0.6f;

	/** Terms of the name, alias and keyword fields the query looks for. */
	private final List<Term> namedTerms = new ArrayList<>();

	/**
	 * Matches items that carry a typed word in their name, aliases or keywords; null when the query
	 * does not look at guide text (pinyin, codes), so there is nothing to narrow.
	 */
	final Query namedFilter;

	private SearchQuery(Query query, String pinyin) {
		this(query, pinyin, null);
	}

	private SearchQuery(Query query, String pinyin, Query namedFilter) {
		this.query = query;
		this.pinyin = pinyin;
		this.namedFilter = namedFilter;
	}

	static SearchQuery of(String text, SynonymTable synonyms) {
		return of(text, synonyms, Homophones.NONE);
	}

	static SearchQuery of(String text, SynonymTable synonyms, Homophones homophones) {
		if (CODE.matcher(text).matches()) {
			String upper = text.toUpperCase(Locale.ROOT);
			Query byCode = new BooleanQuery.Builder()
				.add(new TermQuery(new Term(SearchFields.CODE, upper)), Occur.SHOULD)
				.add(new TermQuery(new Term(SearchFields.BASIC_CODE, upper)), Occur.SHOULD)
				.build();
			return new SearchQuery(byCode, null);
		}
		String lower = text.toLowerCase(Locale.ROOT);
		if (Pinyin.isPinyinLike(lower)) {
			return pinyin(lower, synonyms);
		}
		BooleanQuery.Builder anyVariant = new BooleanQuery.Builder();
		SearchQuery result = new SearchQuery(null, null);
		boolean original = true;
		for (String variant : synonyms.variants(lower)) {
			anyVariant.add(result.chinese(variant, original), Occur.SHOULD);
			original = false;
		}
		// an item scores by the best reading of the input, never by their sum: a corrected match stays
		// below what the same match typed right would score
		List<Query> readings = new ArrayList<>();
		readings.add(anyVariant.build());
		Homophones.Correction correction = homophones.correct(lower);
		result.addCorrected(readings, correction.exact(), synonyms, EXACT_HOMOPHONE_WEIGHT);
		result.addCorrected(readings, correction.near(), synonyms, NEAR_HOMOPHONE_WEIGHT);
		BooleanQuery.Builder named = new BooleanQuery.Builder();
		result.namedTerms.stream().distinct().forEach((term) -> named.add(new TermQuery(term), Occur.SHOULD));
		Query namedFilter = result.namedTerms.isEmpty() ? null : named.build();
		Query query = (readings.size() == 1) ? readings.get(0) : new DisjunctionMaxQuery(readings, 0f);
		SearchQuery search = new SearchQuery(query, null, namedFilter).withWords(result.words);
		search.correction = correction;
		return search;
	}

	/** The corrected text (with its bigrams, as typed text) and its synonym variants, weighted below the typed text. */
	private void addCorrected(List<Query> readings, String corrected, SynonymTable synonyms, float weight) {
		if (corrected == null) {
			return;
		}
		BooleanQuery.Builder anyVariant = new BooleanQuery.Builder();
		boolean first = true;
		for (String variant : synonyms.variants(corrected)) {
			anyVariant.add(chinese(variant, first), Occur.SHOULD);
			first = false;
		}
		readings.add(new BoostQuery(anyVariant.build(), weight));
	}

	private static SearchQuery pinyin(String typed, SynonymTable synonyms) {
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		any.add(new BoostQuery(new PrefixQuery(new Term(SearchFields.PINYIN_FULL, typed)), 6), Occur.SHOULD);
		if (typed.length() >= 2) {
			any.add(new BoostQuery(new PrefixQuery(new Term(SearchFields.PINYIN_INITIALS, typed)), 5), Occur.SHOULD);
		}
		if (typed.length() >= 5) {
			any.add(new BoostQuery(new FuzzyQuery(new Term(SearchFields.PINYIN_WORD, typed), 1, 1), 3), Occur.SHOULD);
		}
		SearchQuery result = new SearchQuery(null, typed);
		for (String meaning : synonyms.meaningsOfPinyin(typed)) {
			any.add(result.chinese(meaning, false), Occur.SHOULD);
		}
		return new SearchQuery(any.build(), typed).withWords(result.words);
	}

	private SearchQuery withWords(Set<String> words) {
		this.words.addAll(words);
		return this;
	}

	/**
	 * Words (most of them must match) or, for what the resident typed ({@code withBigrams}), most of
	 * its character bigrams, which catch words the segmenter cut differently. Synonym variants are
	 * catalogue language and segment well, so they skip the bigrams (and their cost).
	 */
	private Query chinese(String text, boolean withBigrams) {
		List<String> tokens = analyze(CHINESE, text).stream().filter((t) -> !FILLERS.contains(t)).toList();
		this.words.addAll(tokens);
		BooleanQuery.Builder either = new BooleanQuery.Builder();
		if (!tokens.isEmpty()) {
			BooleanQuery.Builder byWords = new BooleanQuery.Builder();
			for (String token : tokens) {
				this.namedTerms.add(new Term(SearchFields.NAME, token));
				this.namedTerms.add(new Term(SearchFields.ALIASES, token));
				this.namedTerms.add(new Term(SearchFields.KEYWORDS, token));
				byWords.add(new DisjunctionMaxQuery(List.of(weighted(SearchFields.NAME, token, 8),
						weighted(SearchFields.ALIASES, token, 4), weighted(SearchFields.KEYWORDS, token, 2),
						weighted(SearchFields.GUIDE, token, 1)), 0.1f), Occur.SHOULD);
			}
			byWords.setMinimumNumberShouldMatch((tokens.size() <= 2) ? 1 : (tokens.size() + 1) / 2);
			either.add(byWords.build(), Occur.SHOULD);
		}
		List<String> bigrams = withBigrams ? analyze(BIGRAMS, text) : List.of();
		if (!bigrams.isEmpty()) {
			BooleanQuery.Builder byBigrams = new BooleanQuery.Builder();
			for (String bigram : bigrams) {
				this.namedTerms.add(new Term(SearchFields.NAME_BIGRAM, bigram));
				this.namedTerms.add(new Term(SearchFields.ALIASES_BIGRAM, bigram));
				byBigrams.add(new DisjunctionMaxQuery(List.of(weighted(SearchFields.NAME_BIGRAM, bigram, 3),
						weighted(SearchFields.ALIASES_BIGRAM, bigram, 1.5f)), 0.1f), Occur.SHOULD);
			}
			byBigrams.setMinimumNumberShouldMatch(Math.max(1, (int) Math.ceil(bigrams.size() * 0.75)));
			either.add(byBigrams.build(), Occur.SHOULD);
		}
		return either.build();
	}

	private static Query weighted(String field, String term, float boost) {
		return new BoostQuery(new TermQuery(new Term(field, term)), boost);
	}

	static List<String> analyze(Analyzer analyzer, String text) {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("q", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return terms;
	}

}
