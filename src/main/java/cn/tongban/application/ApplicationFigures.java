package cn.tongban.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import cn.tongban.catalog.CatalogStatistics.Rate;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The applications' KPIs in {@code catalogStatistics}: 即办率 (completed applications every task of
 * which the rules approved, over all completed), the average handling time and 免申即享 uptake. Read from the
 * completed applications' few fields and kept for a minute: a public figure must not cost a scan
 * per request.
 */
@Component
class ApplicationFigures {

	static final Duration KEPT_FOR = Duration.ofMinutes(1);

	private final MongoTemplate mongo;

	private final Clock clock;

	private volatile Figures kept;

	ApplicationFigures(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * @param instantApprovalRate 即办率
	 * @param averageHandlingHours from submission to completion; null before the first completion
	 */
	record Figures(long completed, Rate instantApprovalRate, Double averageHandlingHours, Rate benefitUptake,
			Instant asOf) {
	}

	Figures figures() {
		Figures current = this.kept;
		if (current != null && !stale(current)) {
			return current;
		}
		synchronized (this) {
			// one computation at a time: callers arriving meanwhile take its result
			current = this.kept;
			if (current == null || stale(current)) {
				current = compute(this.clock.instant());
				this.kept = current;
			}
			return current;
		}
	}

	private boolean stale(Figures figures) {
		return figures.asOf().plus(KEPT_FOR).isBefore(this.clock.instant());
	}

	private Figures compute(Instant now) {
		Query completed = Query.query(Criteria.where("status").is(Application.Status.COMPLETED));
		completed.fields().include("tasks.actor", "submittedAt", "completedAt");
		long count = 0;
		long byRules = 0;
		long handledMillis = 0;
		for (Document application : this.mongo.find(completed, Document.class, "applications")) {
			count++;
			if (application.getList("tasks", Document.class)
				.stream()
				.allMatch((task) -> Application.RULES.equals(task.getString("actor")))) {
				byRules++;
			}
			if (application.getDate("completedAt") != null && application.getDate("submittedAt") != null) {
				handledMillis += application.getDate("completedAt").getTime() - application.getDate("submittedAt").getTime();
			}
		}
		long offers = this.mongo.count(new Query(), BenefitOffer.class);
		long accepted = this.mongo.count(Query.query(Criteria.where("status").is(BenefitOffer.Status.ACCEPTED)),
				BenefitOffer.class);
		return new Figures(count, new Rate(byRules, count, null),
				(count == 0) ? null : handledMillis / 3_600_000.0 / count, new Rate(accepted, offers, null), now);
	}

}
