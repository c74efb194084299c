package cn.tongban.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.tongban.catalog.search.Synonym;
import cn.tongban.platform.seed.SeedFiles;
import cn.tongban.platform.seed.Seeder;
import org.bson.Document;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Loads departments, regions, life events and the base items, expanding each base item into its
 * implementations: one for the city and/or one per district, as its {@code levels} say.
 * Items are upserted by implementation code in bulk writes of {@value #BULK} (one write of a 100,000-item
 * catalogue held it all in memory at once); a re-seed refreshes the guide but
 * keeps an item's status, so an item an administrator retired stays retired.
 */
@Component
class CatalogSeeder implements Seeder {

	static final int BULK = 1000;

	private final DepartmentRepository departments;

	private final RegionRepository regions;

	private final LifeEventRepository lifeEvents;

	private final SynonymRepository synonyms;

	private final MongoTemplate mongo;

	private final ReferenceData references;

	private final Clock clock;

	CatalogSeeder(DepartmentRepository departments, RegionRepository regions, LifeEventRepository lifeEvents,
			SynonymRepository synonyms, MongoTemplate mongo, ReferenceData references, Clock clock) {
		this.clock = clock;
		this.references = references;
		this.synonyms = synonyms;
		this.departments = departments;
		this.regions = regions;
		this.lifeEvents = lifeEvents;
		this.mongo = mongo;
	}

	@Override
	public int order() {
		return 20;
	}

	/** The catalogue's reference data and items point at nothing of the people and certificates seeded before them. */
	@Override
	public boolean needs(Seeder other) {
		return false;
	}

	@Override
	public void seed(SeedFiles files) {
		files.applyIfChanged("catalog/departments.json", Department.class, this.departments::saveAll);
		files.applyIfChanged("catalog/regions.json", Region.class, this.regions::saveAll);
		files.applyIfChanged("catalog/life-events.json", LifeEvent.class, this.lifeEvents::saveAll);
		this.references.invalidate();
		files.applyIfChanged("catalog/service-items.json", BaseItemSeed.class, this::upsertImplementations);
		// the file is the whole table: a synonym removed from it is removed here
		files.applyIfChanged("search/synonyms.json", Synonym.class, (all) -> {
			this.synonyms.deleteAll();
			this.synonyms.saveAll(all);
		});
	}

	private void upsertImplementations(List<BaseItemSeed> baseItems) {
		Map<String, Department> departmentsByCode = this.references.departments();
		List<Region> allRegions = List.copyOf(this.references.regions().values());
		Region city = allRegions.stream().filter((r) -> r.level() == RegionLevel.CITY).findFirst().orElseThrow();
		// every reference checked before the first write: a bad seed file changes nothing
		for (BaseItemSeed base : baseItems) {
			if (!departmentsByCode.containsKey(base.departmentCode())) {
				throw new IllegalStateException("Seed item " + base.name() + " names unknown department "
						+ base.departmentCode());
			}
		}
		Instant now = this.clock.instant();
		BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ServiceItem.class);
		int queued = 0;
		for (BaseItemSeed base : baseItems) {
			Department department = departmentsByCode.get(base.departmentCode());
			for (Region region : allRegions) {
				if (base.levels().contains(region.level())) {
					ServiceItem item = base.implementedIn(region, department, city, now);
					bulk.upsert(Query.query(Criteria.where("_id").is(item.getCode())), asUpsert(item));
					if (++queued == BULK) {
						bulk.execute();
						bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ServiceItem.class);
						queued = 0;
					}
				}
			}
		}
		if (queued > 0) {
			bulk.execute();
		}
	}

	private Update asUpsert(ServiceItem item) {
		Document fields = new Document();
		this.mongo.getConverter().write(item, fields);
		fields.remove("_id");
		fields.remove("version");
		Object status = fields.remove("status");
		Update update = new Update().inc("version", 1).setOnInsert("status", status);
		fields.forEach(update::set);
		return update;
	}

}
