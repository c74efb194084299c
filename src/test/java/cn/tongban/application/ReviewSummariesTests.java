package cn.tongban.application;

import java.util.List;

import cn.tongban.application.ApplicationQueries.ReviewSummary;
import cn.tongban.application.ApplicationQueries.TagCount;
import cn.tongban.support.InMemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** 好差评 per department, summed by the database: on an in-memory database, no Spring. */
class ReviewSummariesTests {

	private final InMemoryMongo mongo = new InMemoryMongo();

	private final MongoTemplate template = this.mongo.template();

	private final ApplicationQueries queries = new ApplicationQueries(this.template);

	@AfterEach
	void stop() {
		this.mongo.close();
	}

	private void application(String id, Integer stars, List<String> tags, String... departments) {
		Document application = new Document("_id", id).append("tasks",
				List.of(departments).stream().map((d) -> new Document("departmentCode", d)).toList());
		if (stars != null) {
			application.append("review", new Document("stars", stars).append("tags", tags));
		}
		this.template.getCollection("applications").insertOne(application);
	}

	@Test
	void eachDepartmentThatHandledAReviewedApplicationGetsItsReviewOnce() {
		application("a1", 5, List.of("办事快", "态度好"), "WJ", "GA", "WJ");
		application("a2", 4, List.of("办事快"), "WJ");
		application("a3", 2, List.of(), "GA");
		application("a4", null, List.of(), "RS");

		List<ReviewSummary> summaries = this.queries.reviewSummaries();

		assertThat(summaries).extracting(ReviewSummary::departmentCode).containsExactly("GA", "WJ");
		ReviewSummary ga = summaries.get(0);
		assertThat(ga.reviewCount()).isEqualTo(2);
		assertThat(ga.averageStars()).isEqualTo(3.5);
		assertThat(ga.tags()).containsExactly(new TagCount("办事快", 1), new TagCount("态度好", 1));
		ReviewSummary wj = summaries.get(1);
		assertThat(wj.reviewCount()).as("a1 has two WJ tasks: one review").isEqualTo(2);
		assertThat(wj.averageStars()).isEqualTo(4.5);
		assertThat(wj.tags()).as("most given first").containsExactly(new TagCount("办事快", 2), new TagCount("态度好", 1));
	}

	@Test
	void averagesAreRoundedToTwoPlacesAndNoReviewsGiveNoSummaries() {
		assertThat(this.queries.reviewSummaries()).isEmpty();
		application("b1", 5, List.of(), "MZ");
		application("b2", 4, List.of(), "MZ");
		application("b3", 4, List.of(), "MZ");
		assertThat(this.queries.reviewSummaries()).singleElement()
			.satisfies((summary) -> assertThat(summary.averageStars()).isEqualTo(4.33));
	}

}
