package cn.tongban.catalog;

import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.MongoCommandCounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Nested references are batched: a page of 100 costs the same database round trips as a page of 5. */
@GraphQlIntegrationTest
class CatalogRoundTripTests {

	private static final String PAGE_WITH_REFERENCES = """
			query($first: Int) {
			  serviceItems(first: $first) {
			    totalCount
			    nodes {
			      code
			      department { name }
			      region { name parent { name } }
			      lifeEvents { name }
			      resultCertificateType { name issuingDepartment { name } }
			      materials { name certificateType { name issuingDepartment { shortName } } }
			    }
			  }
			}""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	MongoCommandCounter commands;

	@Test
	void roundTripsDoNotGrowWithThePageSize() {
		int small = roundTrips(5);
		int large = roundTrips(100);
		assertThat(large).isEqualTo(small);
		// the page's documents by id (matching and counting happen in the search index), then one batched
		// load each: department, region, region parent, life events, result certificate type, material
		// certificate type, and the issuing department once per depth at which certificate types appear
		// (the result type is one level above the materials' types, so their loads are dispatched apart)
		assertThat(small).isEqualTo(9);
	}

	private int roundTrips(int first) {
		this.commands.reset();
		this.graphQl.document(PAGE_WITH_REFERENCES)
			.variable("first", first)
			.execute()
			.path("serviceItems.nodes")
			.entityList(Object.class)
			.hasSize(first);
		return this.commands.count();
	}

}
