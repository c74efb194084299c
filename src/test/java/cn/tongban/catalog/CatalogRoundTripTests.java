package cn.tongban.catalog;

import cn.tongban.reference.References;
import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.MongoCommandCounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nested references are batched: a page of 100 costs the same database round trips as a page of 5.
 * Reference data and shown items are cached, so a repeated page costs fewer.
 */
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

	@Autowired
	References references;

	@Autowired
	ItemCache shownItems;

	@Test
	void roundTripsDoNotGrowWithThePageSize() {
		int small = roundTripsWithEmptyCaches(5);
		int large = roundTripsWithEmptyCaches(100);
		assertThat(large).isEqualTo(small);
		// the page's documents by id (matching and counting happen in the search index) and the reference
		// data (departments, regions, life events: one read each, then from memory for the department,
		// region, parent, life events and issuing departments); certificate types come from the
		// certificate module's memory (at most one read of all of them a minute)
		assertThat(small).isBetween(4, 5);
	}

	@Test
	void aRepeatedPageReadsOnlyWhatIsNotCached() {
		roundTrips(20);
		// the items, the reference data and the certificate types all come from memory
		assertThat(roundTrips(20)).isZero();
	}

	private int roundTripsWithEmptyCaches(int first) {
		this.references.invalidate();
		this.shownItems.evictAll();
		return roundTrips(first);
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
