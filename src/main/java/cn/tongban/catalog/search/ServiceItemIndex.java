package cn.tongban.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.Version;

/**
 * The in-memory Lucene index of active service items. MongoDB is the source of truth: the index
 * is rebuilt from it at start-up and patched on every change; it answers with item codes only.
 * Thread-safe: writes go through one {@link IndexWriter}, reads through a {@link SearcherManager}.
 * <p>
 * Answers are kept per request (text, filters, region, page) until the index or the synonyms
 * change, like Solr's query result cache: what residents search is very repetitive (the same
 * colloquial names, the same filter chips), and a repeated search then costs a map lookup.
 */
public class ServiceItemIndex implements AutoCloseable {

	/** Facet dimensions offered to the app's filter chips. */
	public static final List<String> FACETS = List.of(SearchFields.DEPARTMENT, SearchFields.LIFE_EVENT,
			SearchFields.CHANNEL);

	/** Local implementations rank above other regions' at equal relevance. */
	static final float NEAR_REGION_BOOST = 1.6f;

	/** Matches scoring under this share of the best match are left out: they matched only in passing. */
	static final float MIN_RELATIVE_SCORE = 0.2f;

	/** Popularity nudges relevance by at most 25 %: log-scaled against this figure. */
	static final double POPULARITY_SCALE = 200_000;

	private static final Sort RANKING = new Sort(SortField.FIELD_SCORE,
			new SortField(SearchFields.POPULARITY, SortField.Type.LONG, true),
			new SortField(SearchFields.CODE_SORT, SortField.Type.STRING));

	/**
	 * The documents' and analysis' version, part of every catalogue fingerprint: bump it with any
	 * change to what {@code document(item)} writes or how fields are analysed, or a restart would
	 * keep an index built the old way.
	 */
	public static final String FORMAT = "2026-12-02b " + Version.LATEST;

	/** Commit data naming the catalogue an index on disk was built from ({@link #builtFrom()}). */
	private static final String CATALOGUE = "catalogue";

	/**
	 * Memory-mapped: the index lives in the page cache instead of the Java heap, which at 100,000
	 * items keeps a few hundred megabytes out of the garbage collector's way. Either a throw-away
	 * folder, or one that outlives the process so a restart can reuse what it holds.
	 */
	private final Path folder;

	private final boolean throwAway;

	private final Directory directory;

	private final FacetsConfig facetsConfig = new FacetsConfig();

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private volatile SynonymTable synonyms = new SynonymTable(List.of());

	/**
	 * Known words by reading, for homophone typos, with the generation they were read at: read again
	 * by the first search after a change of the index or the synonyms (once for a burst of changes).
	 */
	private volatile KnownWords knownWords;

	/** Answers by (generation, request); the generation moves after every change that is visible to searches. */
	private final Cache<CacheKey, SearchResult> answers;

	private final AtomicLong generation = new AtomicLong();

	/** @param answerCacheSize how many answers to keep; 0 keeps none */
	public ServiceItemIndex(long answerCacheSize) {
		this(answerCacheSize, null);
	}

	/**
	 * @param folder where the index is kept across restarts (created if missing), or null for a
	 * throw-away folder removed on {@link #close()}
	 */
	public ServiceItemIndex(long answerCacheSize, Path folder) {
		this.answers = Caffeine.newBuilder().maximumSize(answerCacheSize).build();
		FACETS.forEach((dimension) -> this.facetsConfig.setMultiValued(dimension, true));
		try {
			this.throwAway = (folder == null);
			this.folder = this.throwAway ? Files.createTempDirectory("tongban-search-") : Files.createDirectories(folder);
			this.directory = new MMapDirectory(this.folder);
			this.writer = new IndexWriter(this.directory, new IndexWriterConfig(SearchFields.indexAnalyzer()));
			this.searchers = new SearcherManager(this.writer, new FacetedSearcherFactory(this.facetsConfig));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void useSynonyms(SynonymTable synonyms) {
		this.synonyms = synonyms;
		nextGeneration();
	}

	/** Known words as of the current generation; a change during the read leaves them to be read again. */
	private Homophones homophones() {
		KnownWords known = this.knownWords;
		long current = this.generation.get();
		if (known != null && known.generation() == current) {
			return known.homophones();
		}
		synchronized (this.generation) {
			known = this.knownWords;
			if (known == null || known.generation() != current) {
				known = new KnownWords(current, readHomophones());
				this.knownWords = known;
			}
			return known.homophones();
		}
	}

	/** The words of names and aliases in the index (by how many items carry them) and the synonyms' words. */
	private Homophones readHomophones() {
		SynonymTable table = this.synonyms;
		return withSearcher((searcher) -> {
			Map<String, Integer> frequencies = new HashMap<>();
			for (String field : List.of(SearchFields.NAME, SearchFields.ALIASES)) {
				Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), field);
				if (terms == null) {
					continue;
				}
				TermsEnum words = terms.iterator();
				for (BytesRef word = words.next(); word != null; word = words.next()) {
					String text = word.utf8ToString();
					if (Homophones.isWord(text)) {
						frequencies.merge(text, words.docFreq(), Integer::sum);
					}
				}
			}
			table.words().stream().filter(Homophones::isWord).forEach((word) -> frequencies.merge(word, 1, Integer::sum));
			return new Homophones(frequencies);
		});
	}

	/** Replaces the whole index content. */
	public void rebuild(Collection<IndexedItem> items) {
		rebuild(items, "");
	}

	/**
	 * Replaces the whole index content and commits it as built from {@code catalogue} (a fingerprint
	 * of everything that went in), so that a restart finding the same catalogue can keep it.
	 */
	public void rebuild(Collection<IndexedItem> items, String catalogue) {
		write(() -> {
			this.writer.deleteAll();
			for (IndexedItem item : items) {
				this.writer.addDocument(document(item));
			}
			// one segment: every query term is looked up once instead of once per segment
			this.writer.forceMerge(1);
			commit(catalogue);
		});
	}

	/** The catalogue fingerprint the committed index was built from; empty when none or changed since. */
	public String builtFrom() {
		for (Map.Entry<String, String> entry : this.writer.getLiveCommitData()) {
			if (CATALOGUE.equals(entry.getKey())) {
				return entry.getValue();
			}
		}
		return "";
	}

	/** The index as it is on disk becomes the one searched: nothing to rebuild. */
	public void reuse() {
		write(() -> { });
	}

	/** From a change on, the index matches no fingerprint, so a restart rebuilds it (committed once). */
	private void forgetCatalogue() throws IOException {
		if (!builtFrom().isEmpty()) {
			commit("");
		}
	}

	private void commit(String catalogue) throws IOException {
		this.writer.setLiveCommitData(Map.of(CATALOGUE, catalogue).entrySet());
		this.writer.commit();
	}

	public void upsert(Collection<IndexedItem> items) {
		write(() -> {
			forgetCatalogue();
			for (IndexedItem item : items) {
				this.writer.updateDocument(new Term(SearchFields.CODE, item.code()), document(item));
			}
		});
	}

	public void delete(Collection<String> codes) {
		write(() -> {
			forgetCatalogue();
			for (String code : codes) {
				this.writer.deleteDocuments(new Term(SearchFields.CODE, code));
			}
		});
	}

	public SearchResult search(SearchRequest request) {
		// read before the searcher is acquired: an answer computed on an older searcher is filed under
		// an older generation, which no later search asks for
		CacheKey key = new CacheKey(this.generation.get(), request);
		SearchResult cached = this.answers.getIfPresent(key);
		if (cached != null) {
			return cached;
		}
		SearchResult result = compute(request);
		this.answers.put(key, result);
		return result;
	}

	private SearchResult compute(SearchRequest request) {
		SearchQuery text = (request.text() != null) ? SearchQuery.of(request.text(), this.synonyms, homophones())
				: null;
		if (text != null && text.namedFilter != null) {
			SearchResult named = compute(request, text, text.namedFilter);
			if (named.total() > 0) {
				return named;
			}
		}
		return compute(request, text, null);
	}

	/** @param narrowing a filter the matches must also pass, or null */
	private SearchResult compute(SearchRequest request, SearchQuery text, Query narrowing) {
		BooleanQuery.Builder bool = new BooleanQuery.Builder();
		bool.add((text != null) ? text.query : new MatchAllDocsQuery(), Occur.MUST);
		if (narrowing != null) {
			bool.add(narrowing, Occur.FILTER);
		}
		request.filters().forEach((field, value) -> bool.add(new TermQuery(new Term(field, value)), Occur.FILTER));
		Query ranked = FunctionScoreQuery.boostByValue(bool.build(),
				DoubleValuesSource.fromDoubleField(SearchFields.POPULARITY_BOOST));
		if (request.nearRegion() != null) {
			ranked = FunctionScoreQuery.boostByQuery(ranked,
					new TermQuery(new Term(SearchFields.REGION, request.nearRegion())), NEAR_REGION_BOOST);
		}
		Query query = ranked;
		return withSearcher((searcher) -> {
			FacetedSearcher faceted = (FacetedSearcher) searcher;
			if (faceted.facetState == null) {
				return new SearchResult(List.of(), 0, Map.of(), null);
			}
			// one pass: the best page plus every match with its score; the relative floor is applied after
			FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, query,
					request.everyImplementation() ? request.offset() + request.size() : 1, RANKING, true,
					new FacetsCollectorManager(true));
			ScoreDoc[] top = result.topDocs().scoreDocs;
			float minScore = (text != null && top.length > 0) ? score(top[0]) * MIN_RELATIVE_SCORE
					: Float.NEGATIVE_INFINITY;
			if (!request.everyImplementation()) {
				List<BasicItemGroups.Group> groups = BasicItemGroups.collapse(result.facetsCollector(), minScore,
						request.shownRegions());
				return new SearchResult(page(searcher, groups, request, text), groups.size(),
						facets(faceted, BasicItemGroups.shown(groups, result.facetsCollector())), corrected(text));
			}
			FacetsCollector matches = (text != null) ? scoringAtLeast(result.facetsCollector(), minScore)
					: result.facetsCollector();
			long total = matches.getMatchingDocs().stream().mapToLong((docs) -> docs.totalHits).sum();
			return new SearchResult(page(searcher, top, minScore, request, text), total, facets(faceted, matches),
					corrected(text));
		});
	}

	private static String corrected(SearchQuery text) {
		return (text != null) ? text.correction.shown() : null;
	}

	/** The matches scoring at least {@code minScore}, as facet counting expects them. */
	private static FacetsCollector scoringAtLeast(FacetsCollector all, float minScore) throws IOException {
		List<FacetsCollector.MatchingDocs> kept = new ArrayList<>();
		for (FacetsCollector.MatchingDocs docs : all.getMatchingDocs()) {
			FixedBitSet bits = new FixedBitSet(docs.context.reader().maxDoc());
			DocIdSetIterator iterator = docs.bits.iterator();
			int count = 0;
			// scores are kept in collection order, which is doc id order within a segment
			for (int i = 0, doc = iterator.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; i++, doc = iterator.nextDoc()) {
				if (docs.scores[i] >= minScore) {
					bits.set(doc);
					count++;
				}
			}
			kept.add(new FacetsCollector.MatchingDocs(docs.context, new BitDocIdSet(bits, count), count, null));
		}
		return new KeptMatches(kept);
	}

	private static float score(ScoreDoc doc) {
		// sorted by score first, so the sort's first field holds the score
		return (float) ((FieldDoc) doc).fields[0];
	}

	private List<SearchResult.Hit> page(IndexSearcher searcher, ScoreDoc[] docs, float minScore, SearchRequest request,
			SearchQuery text) throws IOException {
		List<SearchResult.Hit> hits = new ArrayList<>();
		for (int i = request.offset(); i < docs.length && score(docs[i]) >= minScore; i++) {
			hits.add(hit(searcher, docs[i].doc, score(docs[i]), text));
		}
		return hits;
	}

	private List<SearchResult.Hit> page(IndexSearcher searcher, List<BasicItemGroups.Group> groups,
			SearchRequest request, SearchQuery text) throws IOException {
		List<SearchResult.Hit> hits = new ArrayList<>();
		for (int i = request.offset(); i < groups.size() && i < request.offset() + request.size(); i++) {
			BasicItemGroups.Group group = groups.get(i);
			hits.add(hit(searcher, group.shown.globalDoc(), group.best.score(), text));
		}
		return hits;
	}

	private static SearchResult.Hit hit(IndexSearcher searcher, int doc, float score, SearchQuery text)
			throws IOException {
		Document stored = searcher.storedFields().document(doc);
		String name = stored.get(SearchFields.NAME);
		List<TextSegment> segments = (text != null) ? NameHighlighter.segments(name, text.words, text.pinyin)
				: List.of(new TextSegment(name, false));
		return new SearchResult.Hit(stored.get(SearchFields.CODE), score, segments);
	}

	private Map<String, Map<String, Integer>> facets(FacetedSearcher searcher, FacetsCollector matches)
			throws IOException {
		SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(searcher.facetState, matches);
		Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
		for (String dimension : FACETS) {
			Map<String, Integer> values = new LinkedHashMap<>();
			FacetResult top = counts.getTopChildren(100, dimension);
			if (top != null) {
				for (LabelAndValue entry : top.labelValues) {
					values.put(entry.label, entry.value.intValue());
				}
			}
			facets.put(dimension, values);
		}
		return facets;
	}

	private Document document(IndexedItem item) throws IOException {
		Document doc = new Document();
		doc.add(new StringField(SearchFields.CODE, item.code(), Store.YES));
		doc.add(new SortedDocValuesField(SearchFields.CODE_SORT, new BytesRef(item.code())));
		doc.add(new StringField(SearchFields.BASIC_CODE, item.basicCode(), Store.NO));
		doc.add(new SortedDocValuesField(SearchFields.BASIC_CODE_GROUP, new BytesRef(item.basicCode())));
		doc.add(new SortedDocValuesField(SearchFields.REGION_GROUP, new BytesRef(item.region())));
		doc.add(new TextField(SearchFields.NAME, item.name(), Store.YES));
		doc.add(new TextField(SearchFields.NAME_BIGRAM, item.name(), Store.NO));
		for (String alias : item.aliases()) {
			doc.add(new TextField(SearchFields.ALIASES, alias, Store.NO));
			doc.add(new TextField(SearchFields.ALIASES_BIGRAM, alias, Store.NO));
		}
		doc.add(new TextField(SearchFields.KEYWORDS, String.join(" ", item.keywords()), Store.NO));
		doc.add(new TextField(SearchFields.GUIDE, item.guideText(), Store.NO));
		List<String> spelled = new ArrayList<>(item.aliases());
		spelled.add(0, item.name());
		for (String text : spelled) {
			for (String suffix : Pinyin.suffixesFromSyllableBoundaries(text, false)) {
				doc.add(new StringField(SearchFields.PINYIN_FULL, suffix, Store.NO));
			}
			for (String suffix : Pinyin.suffixesFromSyllableBoundaries(text, true)) {
				doc.add(new StringField(SearchFields.PINYIN_INITIALS, suffix, Store.NO));
			}
		}
		for (String word : SearchQuery.analyze(SearchFields.chinese(), item.name())) {
			for (String spelling : Pinyin.full(word)) {
				doc.add(new StringField(SearchFields.PINYIN_WORD, spelling, Store.NO));
			}
		}
		keyword(doc, SearchFields.DEPARTMENT, item.department());
		keyword(doc, SearchFields.REGION, item.region());
		keyword(doc, SearchFields.TYPE, item.type());
		keyword(doc, SearchFields.CODE_ENABLED, Boolean.toString(item.codeEnabled()));
		item.targets().forEach((target) -> keyword(doc, SearchFields.TARGET, target));
		item.lifeEvents().forEach((event) -> keyword(doc, SearchFields.LIFE_EVENT, event));
		item.channels().forEach((channel) -> keyword(doc, SearchFields.CHANNEL, channel));
		item.serviceModes().forEach((mode) -> keyword(doc, SearchFields.SERVICE_MODE, mode));
		doc.add(new SortedSetDocValuesFacetField(SearchFields.DEPARTMENT, item.department()));
		item.lifeEvents().forEach((event) -> doc.add(new SortedSetDocValuesFacetField(SearchFields.LIFE_EVENT, event)));
		item.channels().forEach((channel) -> doc.add(new SortedSetDocValuesFacetField(SearchFields.CHANNEL, channel)));
		doc.add(new NumericDocValuesField(SearchFields.POPULARITY, item.popularity()));
		doc.add(new DoubleDocValuesField(SearchFields.POPULARITY_BOOST,
				1 + 0.25 * Math.log1p(Math.max(0, item.popularity())) / Math.log1p(POPULARITY_SCALE)));
		return this.facetsConfig.build(doc);
	}

	private static void keyword(Document doc, String field, String value) {
		doc.add(new StringField(field, value, Store.NO));
	}

	private void write(IndexWrite change) {
		try {
			change.run();
			this.searchers.maybeRefreshBlocking();
			nextGeneration();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private <T> T withSearcher(SearcherWork<T> work) {
		try {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				return work.apply(searcher);
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void nextGeneration() {
		this.generation.incrementAndGet();
		this.answers.invalidateAll();
	}

	@Override
	public void close() throws IOException {
		this.searchers.close();
		this.writer.close();
		this.directory.close();
		if (this.throwAway) {
			IOUtils.rm(this.folder);
		}
	}

	private record CacheKey(long generation, SearchRequest request) {
	}

	private record KnownWords(long generation, Homophones homophones) {
	}

	@FunctionalInterface
	private interface IndexWrite {

		void run() throws IOException;

	}

	@FunctionalInterface
	private interface SearcherWork<T> {

		T apply(IndexSearcher searcher) throws IOException;

	}

	/** Facet input restricted to the matches that cleared the score floor. */
	static final class KeptMatches extends FacetsCollector {

		private final List<MatchingDocs> kept;

		KeptMatches(List<MatchingDocs> kept) {
			this.kept = kept;
		}

		@Override
		public List<MatchingDocs> getMatchingDocs() {
			return this.kept;
		}

	}

	/** A searcher with the facet state of its reader, built once per refresh. */
	private static final class FacetedSearcher extends IndexSearcher {

		final SortedSetDocValuesReaderState facetState;

		FacetedSearcher(IndexReader reader, FacetsConfig config) throws IOException {
			super(reader);
			this.facetState = (reader.numDocs() > 0) ? new DefaultSortedSetDocValuesReaderState(reader, config) : null;
		}

	}

	private static final class FacetedSearcherFactory extends SearcherFactory {

		private final FacetsConfig config;

		FacetedSearcherFactory(FacetsConfig config) {
			this.config = config;
		}

		@Override
		public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
			return new FacetedSearcher(reader, this.config);
		}

	}

}
