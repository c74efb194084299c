package cn.tongban.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.Connection;
import cn.tongban.platform.graphql.ErrorCode;
import cn.tongban.platform.graphql.PageRequest;
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

	private static final Sort BY_POPULARITY = Sort.by(Sort.Order.desc("popularity"), Sort.Order.asc("_id"));

	private final ServiceItemRepository items;

	private final DepartmentRepository departments;

	private final RegionRepository regions;

	private final LifeEventRepository lifeEvents;

	private final MongoTemplate mongo;

	CatalogService(ServiceItemRepository items, DepartmentRepository departments, RegionRepository regions,
			LifeEventRepository lifeEvents, MongoTemplate mongo) {
		this.items = items;
		this.departments = departments;
		this.regions = regions;
		this.lifeEvents = lifeEvents;
		this.mongo = mongo;
	}

	public Connection<ServiceItem> findItems(String query, ServiceItemFilter filter, PageRequest page) {
		Query mongoQuery = Query.query(criteria(normalise(query), (filter != null) ? filter : ServiceItemFilter.NONE));
		long total = this.mongo.count(mongoQuery, ServiceItem.class);
		List<ServiceItem> nodes = (page.offset() >= total) ? List.of()
				: this.mongo.find(mongoQuery.with(BY_POPULARITY).skip(page.offset()).limit(page.size()),
						ServiceItem.class);
		return Connection.of(nodes, page, total);
	}

	public Optional<ServiceItem> findItem(String code) {
		return this.items.findById(code);
	}

	public ServiceItem getItem(String code) {
		return findItem(code).orElseThrow(() -> ApiException.onField("code", ErrorCode.ITEM_NOT_FOUND, code));
	}

	/** Active items by code, in one round trip; retired and unknown codes are left out. */
	public Map<String, ServiceItem> findActiveItems(Collection<String> codes) {
		return this.items.findAllById(codes)
			.stream()
			.filter(ServiceItem::isActive)
			.collect(Collectors.toMap(ServiceItem::getCode, Function.identity()));
	}

	/** 热门事项 for the home screen: the most used active items that can be done on the phone. */
	public List<ServiceItem> hotItems(String regionCode, Integer requested) {
		int first = (requested != null) ? requested : 10;
		if (first < 1 || first > MAX_HOT_ITEMS) {
			throw ApiException.onField("first", ErrorCode.INVALID_PAGE_SIZE, MAX_HOT_ITEMS);
		}
		Criteria criteria = Criteria.where("status").is(ItemStatus.ACTIVE).and("channels").is(Channel.MOBILE);
		if (regionCode != null) {
			requireRegion(regionCode, "region");
			criteria = criteria.and("regionCode").is(regionCode);
		}
		return this.mongo.find(Query.query(criteria).with(BY_POPULARITY).limit(first), ServiceItem.class);
	}

	public List<Department> departments() {
		return this.departments.findAll(Sort.by("number"));
	}

	public List<Region> regions() {
		return this.regions.findAll(Sort.by("_id"));
	}

	public List<LifeEvent> lifeEvents() {
		return this.lifeEvents.findAll();
	}

	public Map<String, Department> departmentsByCode(Collection<String> codes) {
		return byId(this.departments.findAllById(codes), Department::code);
	}

	public Map<String, Region> regionsByCode(Collection<String> codes) {
		return byId(this.regions.findAllById(codes), Region::code);
	}

	public Map<String, LifeEvent> lifeEventsByCode(Collection<String> codes) {
		return byId(this.lifeEvents.findAllById(codes), LifeEvent::code);
	}

	public CatalogStatistics statistics(String regionCode) {
		Criteria scope = Criteria.where("status").is(ItemStatus.ACTIVE);
		if (regionCode != null) {
			requireRegion(regionCode, "region");
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

	void requireRegion(String code, String field) {
		if (!this.regions.existsById(code)) {
			throw ApiException.onField(field, ErrorCode.UNKNOWN_REFERENCE, "行政区划/region", code);
		}
	}

	void requireDepartment(String code, String field) {
		if (!this.departments.existsById(code)) {
			throw ApiException.onField(field, ErrorCode.UNKNOWN_REFERENCE, "部门/department", code);
		}
	}

	void requireLifeEvent(String code, String field) {
		if (!this.lifeEvents.existsById(code)) {
			throw ApiException.onField(field, ErrorCode.UNKNOWN_REFERENCE, "生命周期主题/life event", code);
		}
	}

	private long count(Criteria criteria) {
		return this.mongo.count(Query.query(criteria), ServiceItem.class);
	}

	private static double average(Document averages, String key) {
		return (averages == null || averages.get(key) == null) ? 0 : ((Number) averages.get(key)).doubleValue();
	}

	private Criteria criteria(String query, ServiceItemFilter filter) {
		List<Criteria> parts = new ArrayList<>();
		parts.add(Criteria.where("status").is(ItemStatus.ACTIVE));
		if (query != null) {
			parts.add(Criteria.where("name").regex(literalPattern(query), "i"));
		}
		if (filter.department() != null) {
			requireDepartment(filter.department(), "filter.department");
			parts.add(Criteria.where("departmentCode").is(filter.department()));
		}
		if (filter.region() != null) {
			requireRegion(filter.region(), "filter.region");
			parts.add(Criteria.where("regionCode").is(filter.region()));
		}
		if (filter.lifeEvent() != null) {
			requireLifeEvent(filter.lifeEvent(), "filter.lifeEvent");
			parts.add(Criteria.where("lifeEvents").is(filter.lifeEvent()));
		}
		if (filter.target() != null) {
			parts.add(Criteria.where("targets").is(filter.target()));
		}
		if (filter.channel() != null) {
			parts.add(Criteria.where("channels").is(filter.channel()));
		}
		if (filter.serviceMode() != null) {
			parts.add(Criteria.where("serviceModes").is(filter.serviceMode()));
		}
		if (filter.type() != null) {
			parts.add(Criteria.where("type").is(filter.type()));
		}
		if (filter.codeEnabled() != null) {
			parts.add(Criteria.where("codeEnabled").is(filter.codeEnabled()));
		}
		return new Criteria().andOperator(parts);
	}

	/** Blank means "no query"; longer than {@link #MAX_QUERY_LENGTH} is refused. */
	static String normalise(String query) {
		if (query == null || query.isBlank()) {
			return null;
		}
		String trimmed = query.strip();
		if (trimmed.length() > MAX_QUERY_LENGTH) {
			throw ApiException.onField("query", ErrorCode.INVALID_ARGUMENT, "query ≤ " + MAX_QUERY_LENGTH);
		}
		return trimmed;
	}

	/** User text is matched literally: every regex metacharacter is escaped. */
	static String literalPattern(String text) {
		StringBuilder out = new StringBuilder(text.length() + 8);
		for (char c : text.toCharArray()) {
			if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
				out.append('\\');
			}
			out.append(c);
		}
		return out.toString();
	}

	private static <T> Map<String, T> byId(List<T> values, Function<T, String> id) {
		return values.stream().collect(Collectors.toMap(id, Function.identity()));
	}

}
