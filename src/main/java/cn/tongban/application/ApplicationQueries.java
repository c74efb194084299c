package cn.tongban.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.tongban.platform.graphql.Connection;
import cn.tongban.platform.graphql.Keyset;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The lists the app and the staff console read: a resident's applications, a department's queue and
 * the departments' review summaries (好差评), each answered by the index that serves it
 * (docs/scaling.md).
 */
@Service
class ApplicationQueries {

	private final MongoTemplate mongo;

	ApplicationQueries(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The applicant's applications, newest first, optionally of one status. */
	Connection<Application> mine(String applicantId, Application.Status status, Integer first, String after) {
		Query query = Query.query(Criteria.where("applicantId").is(applicantId));
		if (status != null) {
			query.addCriteria(Criteria.where("status").is(status));
		}
		return Keyset.page(query, first, after, "submittedAt",
				(Application application) -> new Keyset(application.submittedAt(), application.id()),
				(keyed) -> this.mongo.find(keyed, Application.class), this.mongo.count(query, Application.class));
	}

	/**
	 * A department's tasks in one status, oldest submission first: one task per application. With
	 * {@code approvedByRules}, only the tasks the rules approved (true) or the others (false). Paged
	 * by keyset (submission time, id): a task a colleague takes while staff page through the queue
	 * leaves it without shifting the next page over a waiting task.
	 */
	Connection<QueuedTask> queue(String department, Application.TaskStatus status, Boolean approvedByRules,
			Integer first, String after) {
		Criteria task = Criteria.where("departmentCode").is(department).and("status").is(status);
		if (approvedByRules != null) {
			task = approvedByRules ? task.and("actor").is(Application.RULES) : task.and("actor").ne(Application.RULES);
		}
		Query query = Query.query(Criteria.where("tasks").elemMatch(task));
		return Keyset
			.pageOldestFirst(query, first, after, "submittedAt",
					(Application application) -> new Keyset(application.submittedAt(), application.id()),
					(keyed) -> this.mongo.find(keyed, Application.class), this.mongo.count(query, Application.class))
			.map((application) -> application.tasks()
				.stream()
				.filter((t) -> t.departmentCode().equals(department) && t.status() == status
						&& (approvedByRules == null || approvedByRules == Application.RULES.equals(t.actor())))
				.findFirst()
				.map((t) -> new QueuedTask(application, t.id(), t.itemName(), t.status()))
				.orElseThrow());
	}

	/**
	 * Per department that handled a reviewed application: how many reviews, their average stars and
	 * how often each tag was given, summed by the database in one aggregation (an application with
	 * two tasks of one department counts once for it).
	 */
	/** The applicant's applications among these ids, in one round trip; anyone else's are absent. */
	Map<String, Application> ofApplicant(String applicantId, Collection<String> ids) {
		Map<String, Application> found = new LinkedHashMap<>();
		this.mongo.find(Query.query(Criteria.where("_id").in(ids).and("applicantId").is(applicantId)), Application.class)
			.forEach((application) -> found.put(application.id(), application));
		return found;
	}

	List<ReviewSummary> reviewSummaries() {
		List<Document> pipeline = List.of(
				// stars are 1 to 5 on every review: an equality the reviewed index answers
				new Document("$match", new Document("review.stars", new Document("$in", List.of(1, 2, 3, 4, 5)))),
				new Document("$project", new Document("stars", "$review.stars").append("tags", "$review.tags")
					.append("department", "$tasks.departmentCode")),
				new Document("$unwind", "$department"),
				new Document("$group", new Document("_id", new Document("application", "$_id")
					.append("department", "$department"))
					.append("stars", new Document("$first", "$stars"))
					.append("tags", new Document("$first", "$tags"))),
				new Document("$facet", new Document("summaries", List.of(new Document("$group",
						new Document("_id", "$_id.department").append("reviews", new Document("$sum", 1))
							.append("stars", new Document("$sum", "$stars")))))
					.append("tags", List.of(new Document("$unwind", "$tags"), new Document("$group",
							new Document("_id", new Document("department", "$_id.department").append("tag", "$tags"))
								.append("count", new Document("$sum", 1)))))));
		Document result = this.mongo.getCollection("applications").aggregate(pipeline).first();
		if (result == null) {
			return List.of();
		}
		Map<String, List<TagCount>> tagsByDepartment = new HashMap<>();
		for (Document tag : result.getList("tags", Document.class)) {
			Document key = tag.get("_id", Document.class);
			tagsByDepartment.computeIfAbsent(key.getString("department"), (d) -> new ArrayList<>())
				.add(new TagCount(key.getString("tag"), ((Number) tag.get("count")).intValue()));
		}
		Comparator<TagCount> mostGiven = Comparator.comparingInt(TagCount::count).reversed()
			.thenComparing(TagCount::tag);
		return result.getList("summaries", Document.class).stream().map((summary) -> {
			String department = summary.getString("_id");
			int reviews = ((Number) summary.get("reviews")).intValue();
			double average = ((Number) summary.get("stars")).doubleValue() / reviews;
			List<TagCount> tags = new ArrayList<>(tagsByDepartment.getOrDefault(department, List.of()));
			tags.sort(mostGiven);
			return new ReviewSummary(department, reviews, Math.round(average * 100) / 100.0, tags);
		}).sorted(Comparator.comparing(ReviewSummary::departmentCode)).toList();
	}

	record QueuedTask(Application application, String taskId, String itemName, Application.TaskStatus status) {
	}

	record ReviewSummary(String departmentCode, int reviewCount, double averageStars, List<TagCount> tags) {
	}

	record TagCount(String tag, int count) {
	}

}
