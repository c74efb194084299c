package cn.tongban.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import cn.tongban.catalog.search.Synonym;
import cn.tongban.platform.seed.SeedFiles;
import cn.tongban.platform.seed.Seeder;
import cn.tongban.reference.Department;
import cn.tongban.reference.ReferenceSeeder;
import cn.tongban.reference.References;
import cn.tongban.reference.Region;
import org.bson.Document;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Loads the base items, expanding each base item into its
 * implementations: one for the city and/or one per district, as its {@code levels} say.
 * Items are upserted by implementation code in bulk writes of {@value #BULK} (one write of a 100,000-item
 * catalogue held it all in memory at once); a re-seed refreshes the guide but
 * keeps an item's status, so an item an administrator retired stays retired.
 */
@Component
class CatalogSeeder implements Seeder {

	static final int BULK = 1000;

	private final SynonymRepository synonyms;

	private final MongoTemplate mongo;

	private final References references;

	private final Clock clock;

	CatalogSeeder(SynonymRepository synonyms, MongoTemplate mongo, References references, Clock clock) {
		this.clock = clock;
		this.references = references;
		this.synonyms = synonyms;
		this.mongo = mongo;
	}

	@Override
	public int order() {
		return 20;
	}

	/** Items point at departments and regions; nothing of the people and certificates seeded before them. */
	@Override
	public boolean needs(Seeder other) {
		return other.order() == ReferenceSeeder.ORDER;
	}

	@Override
	public void seed(SeedFiles files) {
		files.applyIfChanged("catalog/service-items.json", BaseItemSeed.class, this::upsertImplementations);
		// the file is the whole table: a synonym removed from it is removed here
		files.applyIfChanged("search/synonyms.json", Synonym.class, (all) -> {
			this.synonyms.deleteAll();
			this.synonyms.saveAll(all);
		});
	}

	private void upsertImplementations(List<BaseItemSeed> baseItems) {
		List<Region> allRegions = this.references.regions();
		Region city = this.references.city();
		// every reference checked before the first write: a bad seed file changes nothing
		for (BaseItemSeed base : baseItems) {
			if (this.references.department(base.departmentCode()) == null) {
				throw new IllegalStateException("Seed item " + base.name() + " names unknown department "
						+ base.departmentCode());
			}
		}
		Instant now = this.clock.instant();
		BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ServiceItem.class);
		int queued = 0;
		for (BaseItemSeed base : baseItems) {
			Department department = this.references.department(base.departmentCode());
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
