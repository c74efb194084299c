package cn.tongban.platform.mongo;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which queries an index narrows, and to which key prefixes. */
class QueryPrefixesTests {

	private static final List<String> HOLDER_TYPE = List.of("holderId", "typeCode");

	@Test
	void anEqualityOnTheLeadingKeySelectsItsPrefix() {
		assertThat(QueryPrefixes.of(new Document("holderId", "p1"), HOLDER_TYPE).prefixes())
			.containsExactly(IndexKeys.segment("p1"));
	}

	@Test
	void equalitiesOnBothKeysSelectTheLongerPrefix() {
		Document query = new Document("holderId", "p1").append("typeCode", new Document("$in", List.of("A", "B")));
		assertThat(QueryPrefixes.of(query, HOLDER_TYPE).prefixes()).containsExactly(
				IndexKeys.segment("p1") + IndexKeys.segment("A"), IndexKeys.segment("p1") + IndexKeys.segment("B"));
	}

	@Test
	void aQueryWithoutTheLeadingKeyIsNotNarrowed() {
		assertThat(QueryPrefixes.of(new Document("typeCode", "A"), HOLDER_TYPE).prefixes()).isEmpty();
	}

	@Test
	void rangesRegexesNullsAndEmbeddedDocumentsAreNotEqualities() {
		for (Object condition : List.of(new Document("$gt", "a"), new Document("$regex", "^a"),
				new Document("$ne", "a"), new Document("name", "a"), new Document("$in", List.of()),
				new Document("$in", List.of("a", new Document("x", 1))))) {
			assertThat(QueryPrefixes.of(new Document("holderId", condition), HOLDER_TYPE).prefixes()).as("%s", condition).isEmpty();
		}
		Document nullHolder = new Document("holderId", null);
		assertThat(QueryPrefixes.of(nullHolder, HOLDER_TYPE).prefixes()).isEmpty();
	}

	@Test
	void theLeadingKeyIsEnoughWhenTheNextIsARange() {
		Document query = new Document("holderId", new Document("$eq", "p1")).append("typeCode", new Document("$gt", "A"));
		assertThat(QueryPrefixes.of(query, HOLDER_TYPE).prefixes()).containsExactly(IndexKeys.segment("p1"));
	}

	@Test
	void equalitiesInsideAndClausesCount() {
		Document query = new Document("$and",
				List.of(new Document("status", "ACTIVE"), new Document("holderId", "p1")));
		assertThat(QueryPrefixes.of(query, HOLDER_TYPE).prefixes()).containsExactly(IndexKeys.segment("p1"));
	}

	@Test
	void anElemMatchPinsTheArrayFieldsItNames() {
		// the staff queue: tasks: { $elemMatch: { departmentCode, status } } on tasks.departmentCode, tasks.status
		Document query = new Document("tasks",
				new Document("$elemMatch", new Document("departmentCode", "D1").append("status", "PENDING")));
		QueryPrefixes selected = QueryPrefixes.of(query, List.of("tasks.departmentCode", "tasks.status", "submittedAt"));
		assertThat(selected.prefixes()).containsExactly(IndexKeys.segment("D1") + IndexKeys.segment("PENDING"));
		assertThat(selected.exact()).isTrue();
	}

	@Test
	void fieldsOfOneArrayWithoutElemMatchPinOnlyTheFirst() {
		// they may match in different elements, and the index keeps one entry per element
		Document query = new Document("tasks.departmentCode", "D1").append("tasks.status", "PENDING");
		QueryPrefixes selected = QueryPrefixes.of(query, List.of("tasks.departmentCode", "tasks.status", "submittedAt"));
		assertThat(selected.prefixes()).containsExactly(IndexKeys.segment("D1"));
		assertThat(selected.exact()).isFalse();
	}

	@Test
	void onlyAQueryOfNothingButThePinnedEqualitiesIsExact() {
		assertThat(QueryPrefixes.of(new Document("holderId", "p1"), HOLDER_TYPE).exact()).isTrue();
		assertThat(QueryPrefixes.of(new Document("holderId", "p1").append("status", "VALID"), HOLDER_TYPE).exact())
			.isFalse();
		assertThat(QueryPrefixes.of(new Document("holderId", "p1").append("typeCode", new Document("$gt", "A")),
				HOLDER_TYPE).exact()).isFalse();
	}

	@Test
	void datesAndNumbersSortAsTheirValues() {
		List<Object> ascending = List.of(-5.5, -1, 0, 0.25, 3, 1e9);
		for (int i = 1; i < ascending.size(); i++) {
			assertThat(IndexKeys.segment(ascending.get(i - 1))).isLessThan(IndexKeys.segment(ascending.get(i)));
		}
		assertThat(IndexKeys.segment(new Date(-1000))).isLessThan(IndexKeys.segment(new Date(5)));
		assertThat(IndexKeys.segment(Instant.ofEpochMilli(999))).isLessThan(IndexKeys.segment(new Date(1000)));
		assertThat(IndexKeys.segment(null)).isLessThan(IndexKeys.segment(-1e300));
	}

	@Test
	void tooManyCombinationsFallBackToTheShorterPrefix() {
		List<String> many = IntStream.range(0, 100).mapToObj(i -> "T" + i).toList();
		Document query = new Document("holderId", new Document("$in", many)).append("typeCode",
				new Document("$in", many));
		assertThat(QueryPrefixes.of(query, HOLDER_TYPE).prefixes()).hasSize(100);
	}

	@Test
	void numbersOfEveryTypeAreOneValue() {
		assertThat(IndexKeys.segment(5)).isEqualTo(IndexKeys.segment(5.0)).isEqualTo(IndexKeys.segment(5L));
		assertThat(IndexKeys.segment(-0.0)).isEqualTo(IndexKeys.segment(0));
		assertThat(IndexKeys.segment(Long.MAX_VALUE)).isNotEqualTo(IndexKeys.segment(Long.MAX_VALUE - 1));
		assertThat(IndexKeys.segment("5")).isNotEqualTo(IndexKeys.segment(5));
	}

	@Test
	void aValueCannotForgeTheEndOfASegment() {
		String forged = "a" + IndexKeys.END + "sb";
		assertThat(IndexKeys.segment(forged)).doesNotStartWith(IndexKeys.segment("a"));
		assertThat(IndexKeys.segment(forged).chars().filter(c -> c == IndexKeys.END).count()).isEqualTo(1);
	}

}
