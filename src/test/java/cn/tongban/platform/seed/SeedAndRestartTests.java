package cn.tongban.platform.seed;

import java.nio.file.Path;
import java.util.Date;

import cn.tongban.TongbanApplication;
import cn.tongban.support.SeedCatalog;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/** The default run's file-backed database keeps its data across restarts, and seeding never duplicates. */
class SeedAndRestartTests {

	private static final String ITEM = "370200JF0120001000";

	@TempDir
	Path dataDir;

	@Test
	void dataSurvivesARestartAndReseedingKeepsAdministratorsChanges() {
		long expected = SeedCatalog.implementations(null, (item) -> true);
		Date firstLoad;
		try (ConfigurableApplicationContext first = start()) {
			MongoTemplate mongo = first.getBean(MongoTemplate.class);
			assertThat(mongo.getCollection("service_items").countDocuments()).isEqualTo(expected);
			mongo.updateFirst(Query.query(Criteria.where("_id").is(ITEM)),
					Update.update("status", "RETIRED").set("retiredReason", "测试"), "service_items");
			firstLoad = loadedAt(mongo, "reference/departments.json");
			// forget that the item seeds were applied, as if the file had changed
			mongo.remove(Query.query(Criteria.where("_id").is("catalog/service-items.json")), "seed_runs");
		}
		try (ConfigurableApplicationContext second = start()) {
			MongoTemplate mongo = second.getBean(MongoTemplate.class);
			assertThat(mongo.getCollection("service_items").countDocuments()).isEqualTo(expected);
			Document item = mongo.getCollection("service_items").find(new Document("_id", ITEM)).first();
			assertThat(item).isNotNull();
			assertThat(item.getString("status")).isEqualTo("RETIRED");
			assertThat(item.getString("name")).isEqualTo("住房公积金提取（租房）");
			assertThat(item.get("version", Number.class).intValue()).isEqualTo(2);
			assertThat(loadedAt(mongo, "reference/departments.json")).as("unchanged files are not re-applied")
				.isEqualTo(firstLoad);
			assertThat(loadedAt(mongo, "catalog/service-items.json")).isNotNull();
		}
	}

	private static Date loadedAt(MongoTemplate mongo, String file) {
		Document run = mongo.getCollection("seed_runs").find(new Document("_id", file)).first();
		return (run != null) ? run.getDate("loadedAt") : null;
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(TongbanApplication.class).web(WebApplicationType.NONE)
			.run("--tongban.mongodb.embedded.backend=file", "--tongban.mongodb.embedded.data-dir=" + this.dataDir,
					"--spring.main.banner-mode=off");
	}

}
