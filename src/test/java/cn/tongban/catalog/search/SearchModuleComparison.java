package cn.tongban.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.apache.lucene.util.graph.GraphTokenStreamFiniteStrings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16's measurement: the hand-written search pieces against the Lucene modules made for the
 * job, on the seed catalogue (one implementation per basic item) and the citizen queries of
 * bench/search. Prints a table; docs/search.md quotes it. Not a test: run it from the repository root,
 * {@code java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
 * cn.tongban.catalog.search.SearchModuleComparison} (bench/search/modules.mjs does exactly that).
 */
public final class SearchModuleComparison {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> PREFIXES = List.of("身", "身份", "公积", "gj", "gjj", "she", "shebao", "驾驶", "婚",
			"sfz", "营业", "yy", "失业", "低", "dib", "护照");

	private static final int ROUNDS = 200;

	private SearchModuleComparison() {
	}

	public static void main(String[] args) throws Exception {
		Path root = Path.of(args.length > 0 ? args[0] : ".");
		List<IndexedItem> items = items(root.resolve("seeds"));
		List<Synonym> synonyms = synonyms(root.resolve("seeds/search/synonyms.json"));
		SynonymTable table = new SynonymTable(synonyms);
		Map<String, Set<String>> queries = queries(root.resolve("bench/search/citizen-queries.tsv"));
		try (ServiceItemIndex index = new ServiceItemIndex(0)) {
			index.useSynonyms(table);
			index.rebuild(items);
			System.out.printf("%d items, %d queries, %d synonyms%n%n", items.size(), queries.size(), synonyms.size());
			synonymsCompared(index, table, synonyms, queries);
			highlightsCompared(index, table, queries);
			suggestionsCompared(items);
		}
	}

	/** Top-3 hit rate and variant count with SynonymTable's variants and with SynonymGraphFilter's paths. */
	private static void synonymsCompared(ServiceItemIndex index, SynonymTable table, List<Synonym> synonyms,
			Map<String, Set<String>> queries) throws IOException {
		Analyzer graph = graphAnalyzer(synonyms);
		Function<String, List<String>> graphVariants = (text) -> paths(graph, text);
		int[] hits = new int[2];
		int[] variants = new int[2];
		List<String> differing = new ArrayList<>();
		long[] nanos = new long[2];
		for (Map.Entry<String, Set<String>> query : queries.entrySet()) {
			String text = query.getKey();
			List<String> tableVariants = table.variants(text);
			List<String> pathVariants = graphVariants.apply(text);
			variants[0] += tableVariants.size();
			variants[1] += pathVariants.size();
			boolean tableHit = hit(index, table, text, query.getValue());
			// a table whose only entry turns the whole text into the graph's paths: the same search, other variants
			boolean graphHit = hit(index, new SynonymTable(List.of(new Synonym(text,
					pathVariants.stream().filter((v) -> !v.equals(text)).toList()))), text, query.getValue());
			hits[0] += tableHit ? 1 : 0;
			hits[1] += graphHit ? 1 : 0;
			if (tableHit != graphHit) {
				differing.add(text + " (table " + (tableHit ? "hit" : "miss") + ", graph " + (graphHit ? "hit" : "miss")
						+ "; graph variants " + pathVariants + ")");
			}
		}
		for (int round = 0; round < ROUNDS; round++) {
			for (String text : queries.keySet()) {
				long start = System.nanoTime();
				table.variants(text);
				nanos[0] += System.nanoTime() - start;
				start = System.nanoTime();
				graphVariants.apply(text);
				nanos[1] += System.nanoTime() - start;
			}
		}
		int n = queries.size();
		System.out.println("| synonyms | top-3 hit rate | variants per query | µs per query |");
		System.out.println("|---|---|---|---|");
		System.out.printf("| SynonymTable (hand-written) | %d/%d | %.2f | %.1f |%n", hits[0], n, variants[0] / (double) n,
				nanos[0] / 1000.0 / ROUNDS / n);
		System.out.printf("| SynonymGraphFilter + GraphTokenStreamFiniteStrings | %d/%d | %.2f | %.1f |%n", hits[1], n,
				variants[1] / (double) n, nanos[1] / 1000.0 / ROUNDS / n);
		differing.forEach((line) -> System.out.println("  differs: " + line));
		System.out.println();
	}

	private static boolean hit(ServiceItemIndex index, SynonymTable table, String text, Set<String> acceptable) {
		index.useSynonyms(table);
		SearchResult result = index.search(new SearchRequest(text, Map.of(), null, 0, 3, false, List.of("370200")));
		return result.hits().stream().map((h) -> nameOf(index, h.code())).anyMatch(acceptable::contains);
	}

	private static final Map<String, String> NAMES = new HashMap<>();

	private static String nameOf(ServiceItemIndex index, String code) {
		return NAMES.get(code);
	}

	/** Smartcn words with the synonym table as a SynonymGraphFilter (terms and meanings cut the same way). */
	private static Analyzer graphAnalyzer(List<Synonym> synonyms) throws IOException {
		Analyzer words = new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String field) {
				return new TokenStreamComponents(new HMMChineseTokenizer());
			}
		};
		SynonymMap.Builder builder = new SynonymMap.Builder(true);
		for (Synonym synonym : synonyms) {
			CharsRef term = joined(words, synonym.term());
			for (String meaning : synonym.means()) {
				builder.add(term, joined(words, meaning), true);
			}
		}
		SynonymMap map = builder.build();
		return new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String field) {
				Tokenizer tokenizer = new HMMChineseTokenizer();
				return new TokenStreamComponents(tokenizer, new SynonymGraphFilter(tokenizer, map, true));
			}
		};
	}

	private static CharsRef joined(Analyzer words, String text) throws IOException {
		List<String> tokens = SearchQuery.analyze(words, text);
		return SynonymMap.Builder.join(tokens.toArray(String[]::new), new CharsRefBuilder());
	}

	/** Every path through the token graph, words joined back into text: the graph's variants. */
	private static List<String> paths(Analyzer analyzer, String text) {
		Set<String> out = new LinkedHashSet<>();
		try (TokenStream stream = analyzer.tokenStream("q", text)) {
			GraphTokenStreamFiniteStrings graph = new GraphTokenStreamFiniteStrings(stream);
			var it = graph.getFiniteStrings();
			while (it.hasNext() && out.size() < SynonymTable.MAX_VARIANTS) {
				TokenStream path = it.next();
				CharTermAttribute term = path.addAttribute(CharTermAttribute.class);
				StringBuilder joined = new StringBuilder();
				path.reset();
				while (path.incrementToken()) {
					joined.append(term);
				}
				path.end();
				path.close();
				out.add(joined.toString());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> variants = new ArrayList<>();
		variants.add(text);
		out.stream().filter((v) -> !v.equals(text)).forEach(variants::add);
		return variants;
	}

	/** Marked names of the top 3: NameHighlighter against lucene-highlighter's Highlighter on the name field. */
	private static void highlightsCompared(ServiceItemIndex index, SynonymTable table, Map<String, Set<String>> queries)
			throws Exception {
		index.useSynonyms(table);
		int shown = 0;
		int[] marked = new int[2];
		int same = 0;
		long[] nanos = new long[2];
		List<String> samples = new ArrayList<>();
		for (String text : queries.keySet()) {
			SearchQuery query = SearchQuery.of(text, table);
			SearchResult result = index.search(new SearchRequest(text, Map.of(), null, 0, 3, false, List.of("370200")));
			for (SearchResult.Hit hit : result.hits()) {
				String name = NAMES.get(hit.code());
				shown++;
				String hand = marks(NameHighlighter.segments(name, query.words, query.pinyin));
				Highlighter lucene = new Highlighter(new SimpleHTMLFormatter("[", "]"),
						new QueryScorer(query.query, SearchFields.NAME));
				String fragment = lucene.getBestFragment(SearchFields.chinese(), SearchFields.NAME, name);
				String luceneMarks = (fragment == null) ? name : fragment;
				marked[0] += hand.contains("[") ? 1 : 0;
				marked[1] += luceneMarks.contains("[") ? 1 : 0;
				same += hand.equals(luceneMarks) ? 1 : 0;
				if (!hand.equals(luceneMarks) && samples.size() < 8) {
					samples.add(text + ": " + hand + " / " + luceneMarks);
				}
				for (int round = 0; round < ROUNDS / 10; round++) {
					long start = System.nanoTime();
					NameHighlighter.segments(name, query.words, query.pinyin);
					nanos[0] += System.nanoTime() - start;
					start = System.nanoTime();
					new Highlighter(new SimpleHTMLFormatter("[", "]"), new QueryScorer(query.query, SearchFields.NAME))
						.getBestFragment(SearchFields.chinese(), SearchFields.NAME, name);
					nanos[1] += System.nanoTime() - start;
				}
			}
		}
		System.out.println("| highlights (top 3 of each query) | names with a marked run | same marks | µs per name |");
		System.out.println("|---|---|---|---|");
		System.out.printf("| NameHighlighter (hand-written) | %d/%d | — | %.1f |%n", marked[0], shown,
				nanos[0] / 1000.0 / (ROUNDS / 10) / shown);
		System.out.printf("| lucene-highlighter Highlighter + QueryScorer | %d/%d | %d/%d | %.1f |%n", marked[1], shown, same,
				shown, nanos[1] / 1000.0 / (ROUNDS / 10) / shown);
		samples.forEach((line) -> System.out.println("  differs: " + line));
		System.out.println();
	}

	private static String marks(List<TextSegment> segments) {
		StringBuilder out = new StringBuilder();
		for (TextSegment segment : segments) {
			out.append(segment.matched() ? "[" + segment.text() + "]" : segment.text());
		}
		return out.toString().replace("][", "");
	}

	/** The 16 prefixes of bench/search: answers and time, SearchSuggester against AnalyzingInfixSuggester. */
	private static void suggestionsCompared(List<IndexedItem> items) throws IOException {
		Map<String, Integer> popularity = new LinkedHashMap<>();
		items.forEach((item) -> popularity.merge(item.name(), item.popularity(), Math::max));
		SearchSuggester hand = new SearchSuggester();
		hand.rebuild(popularity);
		try (AnalyzingInfixSuggester lucene = new AnalyzingInfixSuggester(new ByteBuffersDirectory(), new StandardAnalyzer())) {
			lucene.build(new Names(popularity));
			int[] answered = new int[2];
			long[] nanos = new long[2];
			List<String> samples = new ArrayList<>();
			for (String prefix : PREFIXES) {
				List<String> a = hand.suggest(prefix, 5).stream().map(SearchSuggester.Suggestion::text).toList();
				List<String> b = lucene.lookup(prefix, 5, true, false).stream().map((r) -> r.key.toString()).toList();
				answered[0] += a.isEmpty() ? 0 : 1;
				answered[1] += b.isEmpty() ? 0 : 1;
				samples.add(prefix + ": " + a.stream().limit(2).toList() + " / " + b.stream().limit(2).toList());
			}
			for (int round = 0; round < ROUNDS; round++) {
				for (String prefix : PREFIXES) {
					long start = System.nanoTime();
					hand.suggest(prefix, 5);
					nanos[0] += System.nanoTime() - start;
					start = System.nanoTime();
					lucene.lookup(prefix, 5, true, false);
					nanos[1] += System.nanoTime() - start;
				}
			}
			int n = PREFIXES.size();
			System.out.println("| suggestions (16 prefixes) | prefixes answered | µs per keystroke |");
			System.out.println("|---|---|---|");
			System.out.printf("| SearchSuggester (hand-written) | %d/%d | %.1f |%n", answered[0], n, nanos[0] / 1000.0 / ROUNDS / n);
			System.out.printf("| lucene-suggest AnalyzingInfixSuggester | %d/%d | %.1f |%n", answered[1], n,
					nanos[1] / 1000.0 / ROUNDS / n);
			samples.forEach((line) -> System.out.println("  " + line));
		}
	}

	private static List<IndexedItem> items(Path seeds) throws IOException {
		Map<String, String[]> departments = new HashMap<>();
		for (JsonNode d : JSON.readTree(Files.readString(seeds.resolve("reference/departments.json")))) {
			departments.put(d.get("code").asString(), new String[] { d.get("shortName").asString(), d.get("name").asString() });
		}
		Map<String, String> lifeEvents = new HashMap<>();
		for (JsonNode e : JSON.readTree(Files.readString(seeds.resolve("reference/life-events.json")))) {
			lifeEvents.put(e.get("code").asString(), e.get("name").asString());
		}
		List<IndexedItem> items = new ArrayList<>();
		for (JsonNode item : JSON.readTree(Files.readString(seeds.resolve("catalog/service-items.json")))) {
			String code = "370200" + item.get("basicCode").asString();
			List<String> keywords = new ArrayList<>(List.of(departments.getOrDefault(item.get("departmentCode").asString(),
					new String[] { "", "" })));
			strings(item.get("lifeEvents")).stream().map(lifeEvents::get).forEach(keywords::add);
			List<String> guide = new ArrayList<>(strings(item.get("acceptanceConditions")));
			item.get("materials").forEach((m) -> guide.add(m.get("name").asString()));
			guide.addAll(strings(item.get("legalBasis")));
			NAMES.put(code, item.get("name").asString());
			items.add(new IndexedItem(code, item.get("basicCode").asString(), item.get("name").asString(),
					strings(item.get("aliases")), keywords, String.join(" ", guide), item.get("departmentCode").asString(),
					"370200", strings(item.get("targets")), strings(item.get("lifeEvents")), strings(item.get("channels")),
					strings(item.get("serviceModes")), item.get("type").asString(), item.get("codeEnabled").asBoolean(),
					item.get("popularity").asInt()));
		}
		return items;
	}

	private static List<String> strings(JsonNode array) {
		List<String> out = new ArrayList<>();
		if (array != null) {
			array.forEach((value) -> out.add(value.asString()));
		}
		return out;
	}

	private static List<Synonym> synonyms(Path file) throws IOException {
		List<Synonym> out = new ArrayList<>();
		for (JsonNode s : JSON.readTree(Files.readString(file))) {
			out.add(new Synonym(s.get("term").asString(), strings(s.get("means"))));
		}
		return out;
	}

	private static Map<String, Set<String>> queries(Path tsv) throws IOException {
		Map<String, Set<String>> out = new LinkedHashMap<>();
		for (String line : Files.readAllLines(tsv)) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] parts = line.split("\t");
			out.put(parts[0], new LinkedHashSet<>(List.of(parts[1].split("\\|"))));
		}
		return out;
	}

	/** Names with their popularity as suggester input. */
	private static final class Names implements InputIterator {

		private final Iterator<Map.Entry<String, Integer>> entries;

		private Map.Entry<String, Integer> current;

		Names(Map<String, Integer> popularity) {
			this.entries = popularity.entrySet().iterator();
		}

		@Override
		public BytesRef next() {
			if (!this.entries.hasNext()) {
				return null;
			}
			this.current = this.entries.next();
			return new BytesRef(this.current.getKey());
		}

		@Override
		public long weight() {
			return this.current.getValue();
		}

		@Override
		public BytesRef payload() {
			return null;
		}

		@Override
		public boolean hasPayloads() {
			return false;
		}

		@Override
		public Set<BytesRef> contexts() {
			return null;
		}

		@Override
		public boolean hasContexts() {
			return false;
		}

	}

}
