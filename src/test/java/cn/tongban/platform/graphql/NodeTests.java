package cn.tongban.platform.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.MongoCommandCounter;
import cn.tongban.support.Tokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code node(id)} and {@code nodes(ids)}: any object refetched by its id, nullable, with the same
 * access as its own lookup, so a missing or hidden object nulls only itself.
 */
@GraphQlIntegrationTest
class NodeTests {

	private static final String NODE = """
			query($id: ID!) {
			  node(id: $id) { __typename id ... on Application { title } ... on Certificate { number }
			    ... on ServiceItem { code name } ... on Bundle { code name } }
			  departments { code }
			}""";

	@Autowired
	Tokens tokens;

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MongoCommandCounter commands;

	private String myApplication() {
		return this.tokens.as(this.tokens.resident())
			.document("""
					mutation { submitApplication(input: {item: "370202QR0020001000", idempotencyKey: "node-tests-0001",
					  formValues: [{key: "employerName", value: "青岛海蓝数字科技有限公司"}]}) { application { id } } }""")
			.execute()
			.path("submitApplication.application.id")
			.entity(String.class)
			.get();
	}

	private String myCertificate() {
		return this.tokens.as(this.tokens.resident())
			.document("{ myCertificates { id } }")
			.execute()
			.path("myCertificates[0].id")
			.entity(String.class)
			.get();
	}

	private static GraphQlTester.Response node(HttpGraphQlTester as, String id) {
		return as.document(NODE).variable("id", id).execute();
	}

	private static GraphQlTester.Response nodes(HttpGraphQlTester as, List<String> ids) {
		return as.document("query($ids: [ID!]!) { nodes(ids: $ids) { id } }").variable("ids", ids).execute();
	}

	/** The refusals' codes, in index order. */
	private static void refusedWith(GraphQlTester.Response response, String... codes) {
		response.errors()
			.satisfy((errors) -> assertThat(errors).extracting((error) -> error.getExtensions().get("code"))
				.containsExactly((Object[]) codes));
	}

	@Test
	void anApplicationAndACertificateRefetchForTheirOwner() {
		HttpGraphQlTester zhang = this.tokens.as(this.tokens.resident());
		String application = myApplication();
		node(zhang, application).path("node.__typename").entity(String.class).isEqualTo("Application")
			.path("node.id").entity(String.class).isEqualTo(application)
			.path("node.title").entity(String.class).isEqualTo("失业登记");
		String certificate = myCertificate();
		node(zhang, certificate).path("node.__typename").entity(String.class).isEqualTo("Certificate")
			.path("node.id").entity(String.class).isEqualTo(certificate);
	}

	@Test
	void someoneElsesObjectIsNullWithTheLookupsOwnRefusalAndTheRestOfTheAnswerStays() {
		String application = myApplication();
		String certificate = myCertificate();
		GraphQlTester.Response hidden = node(this.tokens.as(this.tokens.enterpriseAgent()), application);
		hidden.errors().satisfy((errors) -> assertThat(errors).singleElement()
			.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "APPLICATION_NOT_FOUND")));
		hidden.path("node").valueIsNull().path("departments").entityList(Object.class).hasSize(24);
		GraphQlTester.Response anonymous = node(this.graphQl, certificate);
		anonymous.errors().satisfy((errors) -> assertThat(errors).singleElement()
			.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "UNAUTHORIZED")));
		anonymous.path("node").valueIsNull().path("departments").entityList(Object.class).hasSize(24);
	}

	@Test
	void publicObjectsRefetchForAnyone() {
		node(this.graphQl, "370202QR0010006000").path("node.__typename").entity(String.class).isEqualTo("ServiceItem")
			.path("node.id").entity(String.class).isEqualTo("370202QR0010006000")
			.path("node.name").entity(String.class).isEqualTo("出生登记");
		node(this.graphQl, "NEWBORN").path("node.__typename").entity(String.class).isEqualTo("Bundle")
			.path("node.id").entity(String.class).isEqualTo("NEWBORN");
	}

	@Test
	void anIdOfNoKnownShapeIsNodeNotFoundAndAnUnknownOneItsTypesNotFound() {
		for (Map.Entry<String, String> unknown : Map.of("something-else", "NODE_NOT_FOUND", "crt_unknown",
				"CERTIFICATE_NOT_FOUND", "370202QR0019999000", "ITEM_NOT_FOUND", "NO_SUCH_BUNDLE", "BUNDLE_NOT_FOUND")
			.entrySet()) {
			node(this.tokens.as(this.tokens.resident()), unknown.getKey()).errors()
				.satisfy((errors) -> assertThat(errors).singleElement()
					.satisfies((error) -> assertThat(error.getExtensions()).as(unknown.getKey())
						.containsEntry("code", unknown.getValue())));
		}
	}

	@Test
	void nodesAnswersInOrderWithAnErrorAtEachMissingIndex() {
		String application = myApplication();
		GraphQlTester.Response response = this.tokens.as(this.tokens.enterpriseAgent())
			.document("query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }")
			.variable("ids", List.of("NEWBORN", application, "370202QR0010006000", "nope"))
			.execute();
		response.errors().satisfy((errors) -> {
			assertThat(errors).extracting((error) -> error.getExtensions().get("code"))
				.containsExactly("APPLICATION_NOT_FOUND", "NODE_NOT_FOUND");
			assertThat(errors).extracting((error) -> error.getParsedPath())
				.containsExactly(List.of("nodes", 1), List.of("nodes", 3));
		});
		response.path("nodes[0].__typename").entity(String.class).isEqualTo("Bundle")
			.path("nodes[1]").valueIsNull()
			.path("nodes[2].__typename").entity(String.class).isEqualTo("ServiceItem")
			.path("nodes[3]").valueIsNull();
	}

	@Test
	void applicationsAmongNodesAreReadInOneRoundTripEachCheckedAsAlone() {
		HttpGraphQlTester zhang = this.tokens.as(this.tokens.resident());
		List<String> mine = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			mine.add(zhang.document("""
					mutation($key: String!) { submitApplication(input: {item: "370202QR0020001000", idempotencyKey: $key,
					  formValues: [{key: "employerName", value: "青岛海蓝数字科技有限公司"}]}) { application { id } } }""")
				.variable("key", "node-tests-batch-" + i)
				.execute()
				.path("submitApplication.application.id")
				.entity(String.class)
				.get());
		}
		List<String> ids = List.of(mine.get(0), mine.get(1), "app_unknown", "NEWBORN", mine.get(2));
		this.commands.reset();
		GraphQlTester.Response response = nodes(zhang, ids);
		assertThat(this.commands.count("applications")).as("one read for the four application ids").isEqualTo(1);
		response.errors().satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.getExtensions()).containsEntry("code", "APPLICATION_NOT_FOUND");
			assertThat(error.getParsedPath()).isEqualTo(List.of("nodes", 2));
		}));
		response.path("nodes[*].id").entityList(String.class)
			.containsExactly(mine.get(0), mine.get(1), "NEWBORN", mine.get(2));
		// someone else gets each one refused, as application(id) refuses it
		refusedWith(nodes(this.tokens.as(this.tokens.enterpriseAgent()), mine), "APPLICATION_NOT_FOUND",
				"APPLICATION_NOT_FOUND", "APPLICATION_NOT_FOUND");
	}

	@Test
	void certificatesAmongNodesAreReadInOneRoundTripEachOpenedAsAlone() {
		HttpGraphQlTester zhang = this.tokens.as(this.tokens.resident());
		List<String> mine = zhang.document("{ myCertificates { id } }").execute()
			.path("myCertificates[*].id").entityList(String.class).get();
		assertThat(mine).hasSizeGreaterThan(1);
		List<String> ids = List.of(mine.get(0), "crt_unknown", mine.get(1));
		this.commands.reset();
		GraphQlTester.Response response = nodes(zhang, ids);
		assertThat(this.commands.count("certificates")).as("one read for the three certificate ids").isEqualTo(1);
		response.errors().satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.getExtensions()).containsEntry("code", "CERTIFICATE_NOT_FOUND");
			assertThat(error.getParsedPath()).isEqualTo(List.of("nodes", 1));
		}));
		response.path("nodes[*].id").entityList(String.class).containsExactly(mine.get(0), mine.get(1));
		// another holder's look at them (the enterprise the agent acts for) is refused at each index
		refusedWith(nodes(this.tokens.as(this.tokens.enterpriseAgent()), mine.subList(0, 2)), "CERTIFICATE_NOT_FOUND",
				"CERTIFICATE_NOT_FOUND");
	}

	@Test
	void aCallerWithNoRoleForABatchedLookupIsRefusedAtEachIndexAndAuditedOnce() {
		Query denials = Query.query(Criteria.where("type").is("ACCESS_DENIED"));
		long before = this.mongo.count(denials, "audit_events");
		nodes(this.graphQl, List.of("app_a", "NEWBORN", "app_b")).errors()
			.satisfy((errors) -> {
				assertThat(errors).extracting((error) -> error.getExtensions().get("code"))
					.containsExactly("UNAUTHORIZED", "UNAUTHORIZED");
				assertThat(errors).extracting((error) -> error.getParsedPath())
					.containsExactly(List.of("nodes", 0), List.of("nodes", 2));
			});
		assertThat(this.mongo.count(denials, "audit_events")).as("one denial recorded, not two").isEqualTo(before + 1);
	}

	@Test
	void aCallerWithNoRoleForALookupIsRefusedAtEachIndexAndAuditedOnce() {
		Query denials = Query.query(Criteria.where("type").is("ACCESS_DENIED"));
		long before = this.mongo.count(denials, "audit_events");
		GraphQlTester.Response response = this.graphQl
			.document("query($ids: [ID!]!) { nodes(ids: $ids) { id } }")
			.variable("ids", List.of("crt_a", "crt_b", "NEWBORN", "crt_c"))
			.execute();
		response.errors().satisfy((errors) -> {
			assertThat(errors).extracting((error) -> error.getExtensions().get("code"))
				.containsExactly("UNAUTHORIZED", "UNAUTHORIZED", "UNAUTHORIZED");
			assertThat(errors).extracting((error) -> error.getParsedPath())
				.containsExactly(List.of("nodes", 0), List.of("nodes", 1), List.of("nodes", 3));
		});
		response.path("nodes[2].id").entity(String.class).isEqualTo("NEWBORN");
		assertThat(this.mongo.count(denials, "audit_events")).as("one denial recorded, not three").isEqualTo(before + 1);
	}

	@Test
	void nodesTakesAtMostFiftyIds() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 51; i++) {
			ids.add("NEWBORN");
		}
		this.graphQl.document("query($ids: [ID!]!) { nodes(ids: $ids) { id } }").variable("ids", ids).execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "INVALID_ARGUMENT")));
	}

}
