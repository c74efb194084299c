package cn.tongban.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.tongban.catalog.search.SearchRequest;
import cn.tongban.catalog.search.SearchResult;
import cn.tongban.catalog.search.SearchSuggester;
import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.PageRequest;
import cn.tongban.platform.graphql.PlatformError;
import cn.tongban.reference.Department;
import cn.tongban.reference.LifeEvent;
import cn.tongban.reference.References;
import cn.tongban.reference.Region;
import cn.tongban.reference.RegionLevel;
import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The catalogue's API: service items, their reference data and the catalogue's KPIs. */
@Service
public class CatalogService {

	public static final int MAX_QUERY_LENGTH = 50;

	static final int MAX_HOT_ITEMS = 20;

	static final int MAX_SUGGESTIONS = 20;

	/** Hot items offered when a search finds nothing. */
	static final int NO_RESULT_HOT_ITEMS = 5;

	private static final Sort BY_POPULARITY = Sort.by(Sort.Order.desc("popularity"), Sort.Order.asc("_id"));

	private final ServiceItemRepository items;

	private final ItemCache shownItems;

	private final References references;

	private final MongoTemplate mongo;

	private final ServiceItemSearch search;

	CatalogService(ServiceItemRepository items, ItemCache shownItems, References references, MongoTemplate mongo,
			ServiceItemSearch search) {
		this.search = search;
		this.items = items;
		this.shownItems = shownItems;
		this.references = references;
		this.mongo = mongo;
	}

	/**
	 * Searches (or, without a query, lists by popularity) the active items through the search index,
	 * then reads the page's documents (from the cache of shown items, the rest from MongoDB in one round
	 * trip), in the index's order.
	 *
	 * @param nearRegion the resident's region: its implementations rank first; null for none
	 */
	ServiceItemConnection findItems(String query, ServiceItemFilter filter, String nearRegion, PageRequest page) {
		return findItems(query, filter, nearRegion, false, page);
	}

	/**
	 * @param everyImplementation every region's implementation a result of its own; otherwise one per
	 * basic item, shown as the resident's region's implementation, else the city's
	 */
	ServiceItemConnection findItems(String query, ServiceItemFilter filter, String nearRegion,
			boolean everyImplementation, PageRequest page) {
		String text = normalise(query);
		if (nearRegion != null) {
			this.references.requireRegion(nearRegion, "near");
		}
		SearchResult result = this.search.search(new SearchRequest(text,
				filterValues((filter != null) ? filter : ServiceItemFilter.NONE), nearRegion, page.offset(),
				page.size(), everyImplementation, shownRegions(nearRegion)));
		Map<String, ServiceItem> byCode = this.shownItems
			.byCodes(result.hits().stream().map(SearchResult.Hit::code).toList());
		List<ServiceItemConnection.Edge> edges = new ArrayList<>();
		for (SearchResult.Hit hit : result.hits()) {
			ServiceItem item = byCode.get(hit.code());
			// an item retired by another instance stays in this index until the next poll
			if (item != null && item.isActive()) {
				edges.add(new ServiceItemConnection.Edge(PageRequest.cursor(page.offset() + edges.size()), item,
						(text != null) ? hit.score() : null, hit.nameSegments()));
			}
		}
		Map<String, Map<String, Integer>> facets = result.facets();
		return ServiceItemConnection.of(edges, page, result.total(),
				new ServiceItemConnection.Facets(
						ServiceItemConnection.Facets.counts(facets.getOrDefault("department", Map.of())),
						ServiceItemConnection.Facets.counts(facets.getOrDefault("lifeEvent", Map.of())),
						ServiceItemConnection.Facets.counts(facets.getOrDefault("channel", Map.of()))),
				result.correctedQuery(), (result.total() == 0) ? fallback(text, result, nearRegion) : null);
	}

	/** Which implementation stands for a basic item: the resident's region's, else the city's. */
	private List<String> shownRegions(String nearRegion) {
		List<String> shown = new ArrayList<>();
		if (nearRegion != null) {
			shown.add(nearRegion);
		}
		shown.add(this.references.city().code());
		return shown;
	}

	/** No dead ends: the correction, the life events the words point to, and the hot items instead. */
	private ServiceItemConnection.NoResults fallback(String text, SearchResult result, String nearRegion) {
		List<String> texts = new ArrayList<>();
		if (text != null) {
			texts.add(text);
		}
		if (result.correctedQuery() != null) {
			texts.add(result.correctedQuery());
		}
		List<LifeEvent> related = this.references.lifeEvents().stream()
			.filter((event) -> texts.stream().anyMatch((t) -> sharesWord(t, event)))
			.toList();
		return new ServiceItemConnection.NoResults(result.correctedQuery(), related,
				hotItems(nearRegion, NO_RESULT_HOT_ITEMS));
	}

	/** The life event's name is in the text, or the text shares two consecutive characters with its description. */
	private static boolean sharesWord(String text, LifeEvent event) {
		if (text.contains(event.name())) {
			return true;
		}
		String about = event.name() + " " + ((event.description() != null) ? event.description() : "");
		for (int i = 0; i + 2 <= text.length(); i++) {
			String pair = text.substring(i, i + 2);
			if (pair.codePoints().allMatch(Character::isIdeographic) && about.contains(pair)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * 三级四同: every active implementation of these basic items, the city's first, then by region code;
	 * one query (an index on the basic code).
	 */
	public Map<String, List<ServiceItem>> implementationsOf(Collection<String> basicCodes) {
		Map<String, List<ServiceItem>> byBasicCode = new LinkedHashMap<>();
		basicCodes.forEach((code) -> byBasicCode.put(code, new ArrayList<>()));
		Query query = Query.query(Criteria.where("basicCode").in(basicCodes).and("status").is(ItemStatus.ACTIVE))
			.with(Sort.by(Sort.Order.asc("basicCode"), Sort.Order.asc("level"), Sort.Order.asc("regionCode")));
		for (ServiceItem item : this.mongo.find(query, ServiceItem.class)) {
			byBasicCode.get(item.getBasicCode()).add(item);
		}
		return byBasicCode;
	}

	/** 搜索联想: completions of what is typed in the search box. */
	List<SearchSuggester.Suggestion> suggestions(String prefix, Integer requested) {
		int first = (requested != null) ? requested : 10;
		if (first < 1 || first > MAX_SUGGESTIONS) {
			throw ApiException.onField("first", PlatformError.INVALID_PAGE_SIZE, MAX_SUGGESTIONS);
		}
		String typed = normalise(prefix);
		return (typed == null) ? List.of() : this.search.suggest(typed, first);
	}

	public Optional<ServiceItem> findItem(String code) {
		return this.items.findById(code);
	}

	/** Items by implementation code, in one round trip; unknown codes are absent. */
	public Map<String, ServiceItem> itemsByCodes(Collection<String> codes) {
		Map<String, ServiceItem> found = new LinkedHashMap<>();
		this.items.findAllById(codes).forEach((item) -> found.put(item.getCode(), item));
		return found;
	}

	/** For display only (the shown item may be shared): from the shown-items cache, else MongoDB. */
	ServiceItem shownItem(String code) {
		ServiceItem item = this.shownItems.byCodes(List.of(code)).get(code);
		if (item == null) {
			throw ApiException.onField("code", CatalogError.ITEM_NOT_FOUND, code);
		}
		return item;
	}

	public ServiceItem getItem(String code) {
		return findItem(code).orElseThrow(() -> ApiException.onField("code", CatalogError.ITEM_NOT_FOUND, code));
	}

	/** 热门事项 for the home screen: the most used active items that can be done on the phone. */
	public List<ServiceItem> hotItems(String regionCode, Integer requested) {
		int first = (requested != null) ? requested : 10;
		if (first < 1 || first > MAX_HOT_ITEMS) {
			throw ApiException.onField("first", PlatformError.INVALID_PAGE_SIZE, MAX_HOT_ITEMS);
		}
		if (regionCode != null) {
			this.references.requireRegion(regionCode, "region");
		}
		List<ServiceItem> hot = this.shownItems.hot(regionCode, (region) -> {
			Criteria criteria = Criteria.where("status").is(ItemStatus.ACTIVE).and("channels").is(Channel.MOBILE);
			if (region != null) {
				criteria = criteria.and("regionCode").is(region);
			}
			return this.mongo.find(Query.query(criteria).with(BY_POPULARITY).limit(MAX_HOT_ITEMS), ServiceItem.class);
		});
		return hot.subList(0, Math.min(first, hot.size()));
	}

	public CatalogStatistics statistics(String regionCode) {
		Criteria scope = Criteria.where("status").is(ItemStatus.ACTIVE);
		if (regionCode != null) {
			this.references.requireRegion(regionCode, "region");
			scope = scope.and("regionCode").is(regionCode);
		}
		long active = count(scope);
		long mobile = count(new Criteria().andOperator(scope, Criteria.where("channels").is(Channel.MOBILE)));
		long withMaterials = count(new Criteria().andOperator(scope, Criteria.where("materials.0").exists(true)));
		long certificateReplaceable = count(
				new Criteria().andOperator(scope, Criteria.where("materials.certificateTypeCode").exists(true)));
		long zeroVisit = count(new Criteria().andOperator(scope, Criteria.where("visitsRequired").is(0)));
		Document averages = this.mongo
			.aggregate(Aggregation.newAggregation(Aggregation.match(scope),
					Aggregation.group()
						.avg("legalTimeLimitDays")
						.as("legal")
						.avg("promisedTimeLimitDays")
						.as("promised")),
					ServiceItem.class, Document.class)
			.getUniqueMappedResult();
		double legal = average(averages, "legal");
		double promised = average(averages, "promised");
		return new CatalogStatistics(regionCode, active, new CatalogStatistics.Rate(mobile, active, 0.95),
				new CatalogStatistics.Rate(certificateReplaceable, withMaterials, 0.80),
				new CatalogStatistics.Rate(zeroVisit, active, null), legal, promised,
				(legal == 0) ? 0 : 1 - promised / legal);
	}

	private long count(Criteria criteria) {
		return this.mongo.count(Query.query(criteria), ServiceItem.class);
	}

	private static double average(Document averages, String key) {
		return (averages == null || averages.get(key) == null) ? 0 : ((Number) averages.get(key)).doubleValue();
	}

	private Map<String, String> filterValues(ServiceItemFilter filter) {
		Map<String, String> values = new LinkedHashMap<>();
		if (filter.department() != null) {
			this.references.requireDepartment(filter.department(), "filter.department");
			values.put("department", filter.department());
		}
		if (filter.region() != null) {
			this.references.requireRegion(filter.region(), "filter.region");
			values.put("region", filter.region());
		}
		if (filter.lifeEvent() != null) {
			this.references.requireLifeEvent(filter.lifeEvent(), "filter.lifeEvent");
			values.put("lifeEvent", filter.lifeEvent());
		}
		if (filter.target() != null) {
			values.put("target", filter.target().name());
		}
		if (filter.channel() != null) {
			values.put("channel", filter.channel().name());
		}
		if (filter.serviceMode() != null) {
			values.put("serviceMode", filter.serviceMode().name());
		}
		if (filter.type() != null) {
			values.put("type", filter.type().name());
		}
		if (filter.codeEnabled() != null) {
			values.put("codeEnabled", filter.codeEnabled().toString());
		}
		return values;
	}

	/** Blank means "no query"; longer than {@link #MAX_QUERY_LENGTH} is refused. */
	static String normalise(String query) {
		if (query == null || query.isBlank()) {
			return null;
		}
		String trimmed = query.strip();
		if (trimmed.length() > MAX_QUERY_LENGTH) {
			throw ApiException.onField("query", PlatformError.INVALID_ARGUMENT, "query ≤ " + MAX_QUERY_LENGTH);
		}
		return trimmed;
	}

}
