package cn.tongban.hall;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.tongban.platform.seed.SeedFiles;
import cn.tongban.platform.seed.Seeder;
import cn.tongban.reference.References;
import cn.tongban.reference.Region;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Seeds the halls and the holiday calendar; each file is the whole table, so a hall removed from it is removed. */
@Component
class HallSeeder implements Seeder {

	private final MongoTemplate mongo;

	private final References references;

	private final HallDirectory directory;

	HallSeeder(MongoTemplate mongo, References references, HallDirectory directory) {
		this.mongo = mongo;
		this.references = references;
		this.directory = directory;
	}

	@Override
	public int order() {
		return 22;
	}

	@Override
	public void seed(SeedFiles files) {
		files.applyIfChanged("hall/service-halls.json", ServiceHall.class, (halls) -> {
			requireKnownRegions(halls);
			this.mongo.remove(new Query(), ServiceHall.class);
			this.mongo.insertAll(halls);
		});
		files.applyIfChanged("hall/calendar.json", CalendarDay.class, (days) -> {
			this.mongo.remove(new Query(), CalendarDay.class);
			this.mongo.insertAll(days);
		});
		this.directory.reload();
	}

	private void requireKnownRegions(List<ServiceHall> halls) {
		Set<String> regions = this.references.regions().stream().map(Region::code).collect(Collectors.toSet());
		for (ServiceHall hall : halls) {
			if (!regions.contains(hall.regionCode()) || hall.windowGroups().isEmpty()) {
				throw new IllegalStateException("Seed hall " + hall.code() + " names unknown region " + hall.regionCode()
						+ " or has no window group");
			}
		}
	}

}
