package cn.tongban.catalog;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.tongban.catalog.search.Synonym;
import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static cn.tongban.support.GraphQlErrors.onlyError;
import static org.assertj.core.api.Assertions.assertThat;

/** Catalogue administration; runs on its own database so its changes stay out of other tests. */
@GraphQlIntegrationTest
@TestPropertySource(properties = "tongban.mongodb.embedded.database=catalog-admin")
class ServiceItemAdminTests {

	private static final String CREATE = """
			mutation($input: CreateServiceItemInput!) {
			  createServiceItem(input: $input) {
			    serviceItem { code name level implementingAgency status version department { code }
			      region { code } materials { name certificateType { code } } fee { charged description } }
			  }
			}""";

	private static final String UPDATE = """
			mutation($input: UpdateServiceItemInput!) {
			  updateServiceItem(input: $input) { serviceItem { code name version promisedTimeLimitDays } }
			}""";

	@Autowired
	Tokens tokens;

	/** Signed in as the administrator (the catalogue mutations are ADMIN only). */
	HttpGraphQlTester graphQl;

	@BeforeEach
	void signInAsAdministrator() {
		this.graphQl = this.tokens.as(this.tokens.admin());
	}

	@Autowired
	ServiceItemSearch search;

	@Autowired
	MongoTemplate mongo;

	@Test
	void aRenamedItemIsFoundByItsNewNameAtOnce() {
		this.graphQl.document(CREATE).variable("input", input("0009")).execute().path("createServiceItem").hasValue();
		this.graphQl.document(UPDATE)
			.variable("input", Map.of("code", "370285GG0040909000", "name", "海岛渔民医疗互助补贴"))
			.execute()
			.path("updateServiceItem.serviceItem.name")
			.hasValue();
		firstCode("海岛渔民医疗互助补贴").isEqualTo("370285GG0040909000");
		firstCode("haidaoyumin").isEqualTo("370285GG0040909000");
	}

	@Test
	void searchesAfterAChangeShowTheChangeAlthoughTheOldAnswerWasKept() {
		this.graphQl.document(CREATE).variable("input", input("0011")).execute().path("createServiceItem").hasValue();
		String code = "370285GG0040911000";
		// asked twice: the answer and the shown item are now held in memory
		firstName("测试救助事项0011").isEqualTo("测试救助事项0011");
		firstName("测试救助事项0011").isEqualTo("测试救助事项0011");
		this.graphQl.document(UPDATE)
			.variable("input", Map.of("code", code, "name", "渔港避风塘管理服务"))
			.execute()
			.path("updateServiceItem.serviceItem.name")
			.hasValue();
		codes("测试救助事项0011").doesNotContain(code);
		firstName("渔港避风塘管理服务").isEqualTo("渔港避风塘管理服务");
		// another instance changes it: shown as changed once the poll saw it
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(code)),
				Update.update("name", "渔港避风塘综合服务").set("updatedAt", Instant.now()), ServiceItem.class);
		this.search.catchUp();
		firstName("渔港避风塘").isEqualTo("渔港避风塘综合服务");
	}

	@Test
	void changesWrittenByAnotherInstanceAreFoundAfterThePoll() {
		this.graphQl.document(CREATE).variable("input", input("0010")).execute().path("createServiceItem").hasValue();
		String code = "370285GG0040910000";
		// another instance renames the item: only MongoDB sees it
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(code)),
				Update.update("name", "灯塔看护员岗位补贴").set("updatedAt", Instant.now()), ServiceItem.class);
		codes("灯塔看护员岗位补贴").doesNotContain(code);
		this.search.catchUp();
		firstCode("灯塔看护员岗位补贴").isEqualTo(code);
		// and retires it
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(code)),
				Update.update("status", "RETIRED").set("updatedAt", Instant.now()), ServiceItem.class);
		this.search.catchUp();
		codes("灯塔看护员岗位补贴").doesNotContain(code);
	}

	@Test
	void synonymsAreDataOperatorsCanExtend() {
		codes("送娃念书").hasSize(0);
		this.mongo.save(new Synonym("送娃念书", List.of("义务教育小学入学报名")));
		this.search.catchUp();
		firstName("送娃念书").isEqualTo("义务教育小学入学报名");
	}

	private GraphQlTester.Entity<String, ?> firstCode(String query) {
		return this.graphQl.document("query($q: String) { serviceItems(query: $q, first: 1) { nodes { code } } }")
			.variable("q", query)
			.execute()
			.path("serviceItems.nodes[0].code")
			.entity(String.class);
	}

	private GraphQlTester.EntityList<String> codes(String query) {
		return this.graphQl.document("query($q: String) { serviceItems(query: $q, first: 100) { nodes { code } } }")
			.variable("q", query)
			.execute()
			.path("serviceItems.nodes[*].code")
			.entityList(String.class);
	}

	private GraphQlTester.Entity<String, ?> firstName(String query) {
		return this.graphQl.document("query($q: String) { serviceItems(query: $q, first: 1) { nodes { name } } }")
			.variable("q", query)
			.execute()
			.path("serviceItems.nodes[0].name")
			.entity(String.class);
	}

	@Test
	void createsAnItemThatIsThenSearchable() {
		GraphQlTester.Response response = this.graphQl.document(CREATE).variable("input", input("0001")).execute();
		response.path("createServiceItem.serviceItem.code").entity(String.class).isEqualTo("370285GG0040901000");
		response.path("createServiceItem.serviceItem.level").entity(String.class).isEqualTo("DISTRICT");
		response.path("createServiceItem.serviceItem.implementingAgency").entity(String.class).isEqualTo("莱西市民政局");
		response.path("createServiceItem.serviceItem.version").entity(Integer.class).isEqualTo(0);
		response.path("createServiceItem.serviceItem.fee.description").entity(String.class).isEqualTo("不收费");
		response.path("createServiceItem.serviceItem.materials[0].certificateType.code").entity(String.class)
			.isEqualTo("GA-001");
		this.graphQl.document("{ serviceItems(query: \"测试救助事项0001\") { totalCount nodes { code } } }")
			.execute()
			.path("serviceItems.nodes[0].code")
			.entity(String.class)
			.isEqualTo("370285GG0040901000");
	}

	@Test
	void anItemsEnglishNameIsServedToEnglishCallersAndTheChineseOneWhereThereIsNone() {
		Map<String, Object> named = input("0013");
		named.put("nameEn", "Test assistance 0013");
		this.graphQl.document(CREATE).variable("input", named).execute().path("createServiceItem").hasValue();
		this.graphQl.document(CREATE).variable("input", input("0014")).execute().path("createServiceItem").hasValue();
		HttpGraphQlTester english = this.graphQl.mutate().header("Accept-Language", "en").build();
		String query = "query($code: ID!) { serviceItem(code: $code) { name } }";
		english.document(query).variable("code", "370285GG0040913000").execute().path("serviceItem.name")
			.entity(String.class).isEqualTo("Test assistance 0013");
		english.document(query).variable("code", "370285GG0040914000").execute().path("serviceItem.name")
			.entity(String.class).isEqualTo("测试救助事项0014");
		this.graphQl.document(query).variable("code", "370285GG0040913000").execute().path("serviceItem.name")
			.entity(String.class).isEqualTo("测试救助事项0013");
	}

	@Test
	void aSecondCreateWithTheSameCodeIsRefused() {
		this.graphQl.document(CREATE).variable("input", input("0002")).execute().path("createServiceItem").hasValue();
		onlyError(this.graphQl.document(CREATE).variable("input", input("0002")).execute(), "ITEM_CODE_TAKEN",
				"input.basicCode");
	}

	@Test
	void beanValidationNamesTheOffendingField() {
		Map<String, Object> input = input("0003");
		input.put("name", "救");
		input.put("legalTimeLimitDays", 0);
		this.graphQl.document(CREATE).variable("input", input).execute().errors().satisfy((errors) -> {
			assertThat(errors).hasSize(2).allSatisfy((error) -> {
				assertThat(error.getExtensions()).containsEntry("code", "VALIDATION_FAILED");
				assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
			});
			assertThat(errors).extracting((error) -> error.getExtensions().get("field"))
				.containsExactlyInAnyOrder("input.name", "input.legalTimeLimitDays");
			assertThat(errors).extracting(ResponseError::getMessage).allMatch((message) -> message.startsWith("输入不符合要求："));
		});
		this.graphQl.mutate().header("Accept-Language", "en-US,en;q=0.9").build().document(CREATE)
			.variable("input", input)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).extracting(ResponseError::getMessage)
				.contains("The input is not valid: size must be between 2 and 60"));
	}

	@Test
	void malformedCodesAreRefused() {
		Map<String, Object> input = input("0004");
		input.put("basicCode", "GG12");
		onlyError(this.graphQl.document(CREATE).variable("input", input).execute(), "VALIDATION_FAILED",
				"input.basicCode");
		input.put("basicCode", "XK0040904000");
		onlyError(this.graphQl.document(CREATE).variable("input", input).execute(), "INVALID_ARGUMENT",
				"input.basicCode");
	}

	@Test
	void promisedTimeLimitCannotExceedTheLegalOne() {
		Map<String, Object> input = input("0005");
		input.put("promisedTimeLimitDays", 31);
		onlyError(this.graphQl.document(CREATE).variable("input", input).execute(), "INVALID_ARGUMENT",
				"input.promisedTimeLimitDays");
	}

	@Test
	void unknownReferencesAreRefused() {
		Map<String, Object> input = input("0006");
		input.put("department", "ZZ");
		onlyError(this.graphQl.document(CREATE).variable("input", input).execute(), "UNKNOWN_REFERENCE",
				"input.department");
		input = input("0006");
		input.put("region", "110101");
		onlyError(this.graphQl.document(CREATE).variable("input", input).execute(), "UNKNOWN_REFERENCE",
				"input.region");
		input = input("0006");
		input.put("materials", List.of(Map.of("name", "某证", "form", "ORIGINAL", "certificateTypeCode", "ZZ-999",
				"required", true, "copies", 1)));
		onlyError(this.graphQl.document(CREATE).variable("input", input).execute(), "UNKNOWN_REFERENCE",
				"input.materials");
		input = input("0006");
		input.put("lifeEvents", List.of("PARTY"));
		onlyError(this.graphQl.document(CREATE).variable("input", input).execute(), "UNKNOWN_REFERENCE",
				"input.lifeEvents");
	}

	@Test
	void updatesAreGuardedByVersion() {
		this.graphQl.document(CREATE).variable("input", input("0007")).execute().path("createServiceItem").hasValue();
		String code = "370285GG0040907000";
		GraphQlTester.Response updated = this.graphQl.document(UPDATE)
			.variable("input", Map.of("code", code, "expectedVersion", 0, "promisedTimeLimitDays", 3))
			.execute();
		updated.path("updateServiceItem.serviceItem.version").entity(Integer.class).isEqualTo(1);
		updated.path("updateServiceItem.serviceItem.promisedTimeLimitDays").entity(Integer.class).isEqualTo(3);
		updated.path("updateServiceItem.serviceItem.name").entity(String.class).isEqualTo("测试救助事项0007");
		onlyError(this.graphQl.document(UPDATE)
			.variable("input", Map.of("code", code, "expectedVersion", 0, "name", "过期的修改"))
			.execute(), "VERSION_CONFLICT", "input.expectedVersion");
		this.graphQl.document("query($code: ID!) { serviceItem(code: $code) { name version } }")
			.variable("code", code)
			.execute()
			.path("serviceItem.name")
			.entity(String.class)
			.isEqualTo("测试救助事项0007");
	}

	/** A refused change leaves no trace: neither stored nor in what reads show. */
	@Test
	void anUpdateTheRulesRefuseLeavesTheItemAsItWas() {
		this.graphQl.document(CREATE).variable("input", input("0012")).execute().path("createServiceItem").hasValue();
		String code = "370285GG0040912000";
		onlyError(this.graphQl.document(UPDATE)
			.variable("input", Map.of("code", code, "name", "不该留下的名字", "promisedTimeLimitDays", 31))
			.execute(), "INVALID_ARGUMENT", "input.promisedTimeLimitDays");
		GraphQlTester.Response unchanged = this.graphQl
			.document("query($code: ID!) { serviceItem(code: $code) { name promisedTimeLimitDays version } }")
			.variable("code", code)
			.execute();
		unchanged.path("serviceItem.name").entity(String.class).isEqualTo("测试救助事项0012");
		unchanged.path("serviceItem.promisedTimeLimitDays").entity(Integer.class).isEqualTo(10);
		unchanged.path("serviceItem.version").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void updatingUnknownItemsIsNotFound() {
		onlyError(this.graphQl.document(UPDATE).variable("input", Map.of("code", "370285GG0049999000", "name", "某某"))
			.execute(), "ITEM_NOT_FOUND", "code");
	}

	@Test
	void retiredItemsLeaveListsButStayReadable() {
		this.graphQl.document(CREATE).variable("input", input("0008")).execute().path("createServiceItem").hasValue();
		String code = "370285GG0040908000";
		this.graphQl.document("""
				mutation($code: ID!) { retireServiceItem(input: {code: $code, reason: "职能调整"}) {
				  serviceItem { status retiredReason } } }""")
			.variable("code", code)
			.execute()
			.path("retireServiceItem.serviceItem.retiredReason")
			.entity(String.class)
			.isEqualTo("职能调整");
		this.graphQl.document("{ serviceItems(query: \"测试救助事项0008\", first: 100) { nodes { code } } }")
			.execute()
			.path("serviceItems.nodes[*].code")
			.entityList(String.class)
			.doesNotContain(code);
		this.graphQl.document("query($code: ID!) { serviceItem(code: $code) { status } }")
			.variable("code", code)
			.execute()
			.path("serviceItem.status")
			.entity(String.class)
			.isEqualTo("RETIRED");
		onlyError(this.graphQl.document(UPDATE).variable("input", Map.of("code", code, "name", "复用"))
			.execute(), "ITEM_RETIRED", "input.code");
		this.graphQl.document("mutation($code: ID!) { retireServiceItem(input: {code: $code, reason: \" \"}) { serviceItem { code } } }")
			.variable("code", code)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("field", "input.reason")));
	}

	@Test
	void theHomeScreensHotListFollowsChangesAtOnce() {
		String hot = "query { hotServiceItems(region: \"370283\", first: 5) { code } }";
		List<String> before = this.graphQl.document(hot).execute().path("hotServiceItems[*].code").entityList(String.class)
			.hasSize(5).get();
		// asked again, it is the same list (served from memory)
		this.graphQl.document(hot).execute().path("hotServiceItems[*].code").entityList(String.class)
			.containsExactly(before.toArray(new String[0]));
		this.graphQl.document("mutation($code: ID!) { retireServiceItem(input: {code: $code, reason: \"职能调整\"}) { serviceItem { code } } }")
			.variable("code", before.get(0))
			.execute()
			.path("retireServiceItem.serviceItem.code")
			.hasValue();
		this.graphQl.document(hot).execute().path("hotServiceItems[*].code").entityList(String.class)
			.doesNotContain(before.get(0))
			.contains(before.get(1));
	}

	private static Map<String, Object> input(String suffix) {
		Map<String, Object> input = new HashMap<>();
		input.put("basicCode", "GG00409" + suffix.substring(2) + "000");
		input.put("region", "370285");
		input.put("name", "测试救助事项" + suffix);
		input.put("type", "PUBLIC_SERVICE");
		input.put("department", "MZ");
		input.put("targets", List.of("NATURAL_PERSON"));
		input.put("lifeEvents", List.of("ASSISTANCE"));
		input.put("legalTimeLimitDays", 30);
		input.put("promisedTimeLimitDays", 10);
		input.put("materials", List.of(Map.of("name", "居民身份证", "form", "ORIGINAL", "certificateTypeCode", "GA-001",
				"required", true, "copies", 1)));
		input.put("channels", List.of("MOBILE", "COUNTER"));
		input.put("visitsRequired", 0);
		return input;
	}

}
