package cn.tongban.code;

import cn.tongban.platform.seed.SeedFiles;
import cn.tongban.platform.seed.Seeder;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The trust list and the scan scenarios. */
@Component
class CodeSeeder implements Seeder {

	private final MongoTemplate mongo;

	private final TrustList trust;

	CodeSeeder(MongoTemplate mongo, TrustList trust) {
		this.mongo = mongo;
		this.trust = trust;
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public void seed(SeedFiles files) {
		files.applyIfChanged("code/issuers.json", CodeIssuer.class, (issuers) -> issuers.forEach(this.mongo::save));
		files.applyIfChanged("code/scenarios.json", Scenario.class, (scenarios) -> scenarios.forEach(this.mongo::save));
		this.trust.reload();
	}

}
