package cn.tongban.bundle;

import cn.tongban.platform.seed.SeedFiles;
import cn.tongban.platform.seed.Seeder;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

@Component
class BundleSeeder implements Seeder {

	private final MongoTemplate mongo;

	BundleSeeder(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int order() {
		return 25;
	}

	@Override
	public void seed(SeedFiles files) {
		files.applyIfChanged("bundle/form-fields.json", FormField.class, (fields) -> fields.forEach(this.mongo::save));
		files.applyIfChanged("bundle/bundles.json", Bundle.class, (bundles) -> bundles.forEach(this.mongo::save));
	}

}
