package cn.tongban.catalog.search;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/** Field names of the index and the analyzers behind them. */
final class SearchFields {

	static final String CODE = "code";
	static final String CODE_SORT = "code_sort";
	static final String BASIC_CODE = "basicCode";
	/** Doc values of the basic code and the region: one result per basic item (三级四同). */
	static final String BASIC_CODE_GROUP = "basicCode_group";
	static final String REGION_GROUP = "region_group";
	static final String NAME = "name";
	static final String NAME_BIGRAM = "name_bigram";
	static final String ALIASES = "aliases";
	static final String ALIASES_BIGRAM = "aliases_bigram";
	static final String KEYWORDS = "keywords";
	static final String GUIDE = "guide";
	/** Full pinyin from every syllable boundary of the name and aliases: prefix queries. */
	static final String PINYIN_FULL = "pinyin_full";
	static final String PINYIN_INITIALS = "pinyin_initials";
	/** Full pinyin of each word of the name: fuzzy queries for one-letter typos. */
	static final String PINYIN_WORD = "pinyin_word";
	static final String POPULARITY = "popularity";
	static final String POPULARITY_BOOST = "popularity_boost";

	static final String DEPARTMENT = "department";
	static final String REGION = "region";
	static final String TARGET = "target";
	static final String LIFE_EVENT = "lifeEvent";
	static final String CHANNEL = "channel";
	static final String SERVICE_MODE = "serviceMode";
	static final String TYPE = "type";
	static final String CODE_ENABLED = "codeEnabled";

	private SearchFields() {
	}

	static Analyzer chinese() {
		return new SmartChineseAnalyzer();
	}

	static Analyzer indexAnalyzer() {
		Analyzer bigrams = new CJKAnalyzer();
		return new PerFieldAnalyzerWrapper(chinese(), Map.of(NAME_BIGRAM, bigrams, ALIASES_BIGRAM, bigrams));
	}

}
