package cn.tongban.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.tongban.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Residents' queries (bench/search/citizen-queries.tsv: Chinese, colloquial, pinyin, initials,
 * one-character typos) must put an expected item in the top 3 for at least 90 % of them.
 */
@GraphQlIntegrationTest
class SearchRelevanceTests {

	static final Path QUERIES = Path.of("bench/search/citizen-queries.tsv");

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void topThreeHitRateIsAtLeastNinetyPercent() throws IOException {
		List<String[]> cases = cases();
		assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
		List<String> misses = new ArrayList<>();
		for (String[] c : cases) {
			List<String> top = this.graphQl
				.document("query($q: String) { serviceItems(query: $q, near: \"370212\", first: 3) { nodes { name } } }")
				.variable("q", c[0])
				.execute()
				.path("serviceItems.nodes[*].name")
				.entityList(String.class)
				.get();
			List<String> acceptable = List.of(c[1].split("\\|"));
			if (top.stream().noneMatch(acceptable::contains)) {
				misses.add(c[0] + " → " + top);
			}
		}
		double hitRate = 1 - (double) misses.size() / cases.size();
		System.out.printf("search top-3 hit rate %.1f %% over %d queries; misses: %s%n", hitRate * 100, cases.size(),
				misses);
		assertThat(hitRate).as("misses: %s", misses).isGreaterThanOrEqualTo(0.90);
	}

	static List<String[]> cases() throws IOException {
		return Files.readAllLines(QUERIES, StandardCharsets.UTF_8)
			.stream()
			.filter((line) -> !line.isBlank() && !line.startsWith("#"))
			.map((line) -> line.split("\t"))
			.toList();
	}

}
