package cn.tongban.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.tongban.catalog.search.IndexedItem;
import cn.tongban.catalog.search.SearchRequest;
import cn.tongban.catalog.search.SearchResult;
import cn.tongban.catalog.search.SearchSuggester;
import cn.tongban.catalog.search.ServiceItemIndex;
import cn.tongban.catalog.search.Synonym;
import cn.tongban.catalog.search.SynonymTable;
import cn.tongban.certificate.CertificateType;
import cn.tongban.certificate.CertificateTypeService;
import cn.tongban.platform.DatabaseMode;
import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.startup.BackgroundLoad;
import cn.tongban.reference.Department;
import cn.tongban.reference.LifeEvent;
import cn.tongban.reference.References;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Keeps the Lucene index and the suggestions in step with MongoDB: loaded at start-up after the seeds,
 * on a thread of its own so the service answers meanwhile (every search, suggestion and change waits
 * for it, none sees it half-loaded); patched by this instance's own changes at once, by other
 * instances' changes as the event feed brings them ({@link CatalogChanges}), and by {@link #reconcile()} every
 * {@code tongban.search.reconcile-interval} for anything a crash kept from the feed.
 */
@Service
class ServiceItemSearch implements SmartLifecycle, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ServiceItemSearch.class);

	private static final Map<ItemType, String> TYPE_NAMES = Map.of(ItemType.LICENSING, "行政许可", ItemType.BENEFIT,
			"行政给付", ItemType.CONFIRMATION, "行政确认", ItemType.PUBLIC_SERVICE, "公共服务", ItemType.OTHER, "其他");

	private static final int PAGE = 1000;

	/** Opened by the start-up load (reading the Chinese dictionaries takes a second), null before. */
	private volatile ServiceItemIndex index;

	private final long answerCacheSize;

	/** Where the index is kept; blank: a throw-away folder. */
	private final String indexFolder;

	private final SearchSuggester suggester = new SearchSuggester();

	/** code → name and popularity of every indexed item, for the suggestions. */
	private final Map<String, Listing> indexed = new ConcurrentHashMap<>();

	private final MongoTemplate mongo;

	private final References references;

	private final SynonymRepository synonyms;

	private final CertificateTypeService certificateTypes;

	private final ItemCache shownItems;

	private volatile Instant watermark = Instant.EPOCH;

	/** The synonyms the index uses, as read from MongoDB. */
	private List<Synonym> loadedSynonyms = List.of();

	private volatile boolean running;

	/** The start-up load (kept or built); readers wait for it. */
	private final BackgroundLoad load = new BackgroundLoad("search-index-load", this::openAndLoad,
			Duration.ofSeconds(5));

	/** How long a search waits for the start-up load before it is answered SEARCH_INDEX_LOADING. */
	private final Duration loadWait;

	ServiceItemSearch(MongoTemplate mongo, References references,
			SynonymRepository synonyms, CertificateTypeService certificateTypes, ItemCache shownItems,
			DatabaseMode databaseMode, @Value("${tongban.search.answer-cache-size:5000}") long answerCacheSize,
			@Value("${tongban.search.index-folder:}") String indexFolder,
			@Value("${tongban.mongodb.embedded.backend:file}") String embeddedBackend,
			@Value("${tongban.mongodb.embedded.data-dir:data}") String dataFolder,
			@Value("${tongban.search.load-wait:30s}") Duration loadWait) {
		this.loadWait = loadWait;
		boolean embeddedFile = databaseMode.embedded() && "file".equalsIgnoreCase(embeddedBackend);
		this.answerCacheSize = answerCacheSize;
		this.indexFolder = (indexFolder.isBlank() && embeddedFile) ? Path.of(dataFolder, "search-index").toString()
				: indexFolder;
		this.shownItems = shownItems;
		this.mongo = mongo;
		this.references = references;
		this.synonyms = synonyms;
		this.certificateTypes = certificateTypes;
	}

	/**
	 * In the configured folder ({@code tongban.search.index-folder}; on the embedded file database by
	 * default {@code search-index} in its data folder, which only this process may use), so a
	 * restart on an unchanged catalogue skips the analysis of every item; a throw-away one otherwise,
	 * or when another process holds the folder.
	 */
	private static ServiceItemIndex openIndex(long answerCacheSize, String folder) {
		if (folder.isBlank()) {
			return new ServiceItemIndex(answerCacheSize);
		}
		try {
			return new ServiceItemIndex(answerCacheSize, Path.of(folder));
		}
		catch (UncheckedIOException ex) {
			if (!(ex.getCause() instanceof LockObtainFailedException)) {
				throw ex;
			}
			log.warn("Search index folder {} is in use by another process: this one keeps its index in a temporary folder",
					folder);
			return new ServiceItemIndex(answerCacheSize);
		}
	}

	SearchResult search(SearchRequest request) {
		awaitLoaded();
		return this.index.search(request);
	}

	List<SearchSuggester.Suggestion> suggest(String prefix, int limit) {
		awaitLoaded();
		return this.suggester.suggest(prefix, limit);
	}

	void rebuild() {
		awaitLoaded();
		rebuild(false);
	}

	/** Loaded, or what the start-up load is doing: for the health indicator. */
	LoadState loadState() {
		return new LoadState(this.load.isDone(), this.indexed.size(), this.load.failure());
	}

	record LoadState(boolean loaded, int items, String failure) {
	}

	/**
	 * Waits (outside the index's lock, which the load holds) for the start-up load: a search that
	 * comes too early is told to retry rather than given results from a half-loaded index.
	 */
	private void awaitLoaded() {
		if (!this.load.await(this.loadWait)) {
			throw new ApiException(CatalogError.SEARCH_INDEX_LOADING, this.load.retryAfter().toSeconds());
		}
	}

	private synchronized void openAndLoad() {
		if (this.index == null) {
			this.index = openIndex(this.answerCacheSize, this.indexFolder);
		}
		rebuild(true);
	}

	/**
	 * Indexes every active item. With {@code keepIfUnchanged} (start-up), an index on disk built from
	 * exactly the same indexed content ({@link CatalogueFingerprint}) is kept instead: reading the
	 * items is cheap, their Chinese segmentation and pinyin are not.
	 */
	private synchronized void rebuild(boolean keepIfUnchanged) {
		Instant started = Instant.now();
		List<Synonym> synonymList = this.synonyms.findAll();
		useSynonyms(synonymList);
		List<IndexedItem> items = new ArrayList<>();
		Instant[] latest = { started };
		inPages(Criteria.where("status").is(ItemStatus.ACTIVE), (page) -> {
			items.addAll(toIndexed(page));
			latest[0] = latest(page, latest[0]);
		});
		String catalogue = CatalogueFingerprint.of(items, synonymList);
		boolean kept = keepIfUnchanged && catalogue.equals(this.index.builtFrom());
		if (kept) {
			this.index.reuse();
		}
		else {
			this.index.rebuild(items, catalogue);
		}
		this.shownItems.evictAll();
		this.indexed.clear();
		items.forEach((item) -> this.indexed.put(item.code(), new Listing(item.name(), item.popularity())));
		rebuildSuggestions();
		this.watermark = latest[0];
		log.info("Search index {}: {} items in {} ms", kept ? "kept from the last run" : "built", items.size(),
				Duration.between(started, Instant.now()).toMillis());
	}

	/** Applies changed items at once: active ones are (re)indexed, retired ones leave the index. */
	void apply(Collection<ServiceItem> changed) {
		awaitLoaded();
		applyLoaded(changed);
	}

	private synchronized void applyLoaded(Collection<ServiceItem> changed) {
		if (!changed.isEmpty()) {
			index(changed);
			rebuildSuggestions();
		}
	}

	private void index(Collection<ServiceItem> changed) {
		List<ServiceItem> active = changed.stream().filter(ServiceItem::isActive).toList();
		List<String> retired = changed.stream().filter((i) -> !i.isActive()).map(ServiceItem::getCode).toList();
		List<IndexedItem> items = toIndexed(active);
		this.index.upsert(items);
		this.index.delete(retired);
		items.forEach((item) -> this.indexed.put(item.code(), new Listing(item.name(), item.popularity())));
		retired.forEach(this.indexed::remove);
		this.shownItems.evict(changed.stream().map(ServiceItem::getCode).toList());
	}

	/**
	 * Reconciles with the database every few minutes: catalogue edits reach every instance through
	 * the event feed ({@link CatalogChanges}); this picks up what a crash kept the feed from carrying,
	 * and synonym changes.
	 */
	@Scheduled(fixedDelayString = "${tongban.search.reconcile-interval:5m}",
			initialDelayString = "${tongban.search.reconcile-interval:5m}")
	void reconcile() {
		if (this.running && this.load.isDone()) {
			catchUp();
		}
	}

	/** Re-indexes every item changed since the watermark and reloads the synonyms. */
	void catchUp() {
		awaitLoaded();
		catchUpLoaded();
	}

	private synchronized void catchUpLoaded() {
		Instant since = this.watermark;
		List<Synonym> current = this.synonyms.findAll();
		// a new table drops every kept answer: only when the synonyms really changed
		if (!current.equals(this.loadedSynonyms)) {
			useSynonyms(current);
		}
		Instant[] latest = { since };
		boolean[] changedAny = { false };
		// >= rather than >: an item written in the same millisecond as the watermark is not missed
		inPages(Criteria.where("updatedAt").gte(since), (changed) -> {
			index(changed);
			changedAny[0] = true;
			latest[0] = latest(changed, latest[0]);
		});
		if (changedAny[0]) {
			rebuildSuggestions();
		}
		this.watermark = latest[0];
	}

	private void useSynonyms(List<Synonym> synonyms) {
		this.index.useSynonyms(new SynonymTable(synonyms));
		this.loadedSynonyms = synonyms;
	}

	/**
	 * Streams matching items through one cursor fetched in batches of {@value #PAGE}, handing them on in
	 * chunks of the same size: neither side ever holds the whole catalogue in one reply.
	 */
	private void inPages(Criteria criteria, Consumer<List<ServiceItem>> consumer) {
		try (Stream<ServiceItem> items = this.mongo.stream(Query.query(criteria).cursorBatchSize(PAGE), ServiceItem.class)) {
			List<ServiceItem> chunk = new ArrayList<>(PAGE);
			items.forEach((item) -> {
				chunk.add(item);
				if (chunk.size() == PAGE) {
					consumer.accept(List.copyOf(chunk));
					chunk.clear();
				}
			});
			if (!chunk.isEmpty()) {
				consumer.accept(chunk);
			}
		}
	}

	private void rebuildSuggestions() {
		Map<String, Integer> popularityByName = new HashMap<>();
		this.indexed.values().forEach((item) -> popularityByName.merge(item.name(), item.popularity(), Math::max));
		this.suggester.rebuild(popularityByName);
	}

	private List<IndexedItem> toIndexed(List<ServiceItem> items) {
		Map<String, CertificateType> certificateTypesByCode = this.certificateTypes.findByCodes(items.stream()
			.map(ServiceItem::getResultCertificateTypeCode)
			.filter(Objects::nonNull)
			.distinct()
			.toList());
		List<IndexedItem> indexedItems = new ArrayList<>(items.size());
		for (ServiceItem item : items) {
			indexedItems.add(toIndexed(item, certificateTypesByCode));
		}
		return indexedItems;
	}

	/**
	 * Keywords: department, life events (from the in-memory reference data), item type and resulting
	 * certificate; guide: conditions, materials, basis.
	 */
	private IndexedItem toIndexed(ServiceItem item, Map<String, CertificateType> certificateTypes) {
		List<String> keywords = new ArrayList<>();
		Department department = this.references.department(item.getDepartmentCode());
		if (department != null) {
			keywords.add(department.shortName());
			keywords.add(department.name());
		}
		item.getLifeEvents().stream().map(this.references::lifeEvent).filter(Objects::nonNull).map(LifeEvent::name)
			.forEach(keywords::add);
		keywords.add(TYPE_NAMES.get(item.getType()));
		CertificateType result = certificateTypes.get(item.getResultCertificateTypeCode());
		if (result != null) {
			keywords.add(result.name());
		}
		String guide = Stream.of(item.getAcceptanceConditions().stream(),
				item.getMaterials().stream().map(Material::name), item.getLegalBasis().stream())
			.flatMap((s) -> s)
			.collect(Collectors.joining(" "));
		return new IndexedItem(item.getCode(), item.getBasicCode(), item.getName(), orEmpty(item.getAliases()),
				keywords, guide, item.getDepartmentCode(), item.getRegionCode(), names(item.getTargets()),
				item.getLifeEvents(), names(item.getChannels()), names(item.getServiceModes()), item.getType().name(),
				item.isCodeEnabled(), item.getPopularity());
	}

	private static List<String> names(List<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).toList();
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return (list != null) ? list : List.of();
	}

	private static Instant latest(List<ServiceItem> items, Instant floor) {
		return items.stream().map(ServiceItem::getUpdatedAt).filter(Objects::nonNull).max(Instant::compareTo)
			.filter((t) -> t.isAfter(floor))
			.orElse(floor);
	}

	/** What the suggestions need of an indexed item. */
	private record Listing(String name, int popularity) {
	}

	/** Starts the load on a thread of its own: the web server need not wait for it. */
	@Override
	public void start() {
		this.running = true;
		this.load.start();
	}

	@Override
	public void stop() {
		this.running = false;
		this.load.stop();
	}

	/** Closes the index and removes its folder (after a load in progress: both hold the index's lock). */
	@Override
	public synchronized void destroy() throws IOException {
		if (this.index != null) {
			this.index.close();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** After the seeds (SeedRunner), before the web server. */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE + 2000;
	}

}
