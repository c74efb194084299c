package cn.tongban.application;

import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.ShiftedClock;
import cn.tongban.support.ShiftedTime;
import cn.tongban.support.Tokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static cn.tongban.support.GraphQlErrors.firstError;
import static org.assertj.core.api.Assertions.assertThat;

/** 免申即享 through GraphQL: consent, matching (repeated and resumed), offers, accepting one, withdrawing consent. */
@GraphQlIntegrationTest
@TestPropertySource(properties = { "tongban.mongodb.embedded.database=applications", "tongban.application.follow-up-interval=1h" })
@Import(ShiftedTime.class)
class BenefitMatchingTests {

	static final String OFFERS = "{ myBenefitOffers { id status policy { code name benefit } results { id outcome reason } applicationId application { id status } } }";

	static final String CONSENT = """
			mutation($on: Boolean!) { setProactiveMatching(input: {enabled: $on}) {
			  matching { enabled changedAt } offers { id status policy { code } } } }""";

	static final String ACCEPT = """
			mutation($id: ID!) { acceptBenefitOffer(input: {offerId: $id}) { application { id status
			  tasks { status decision { approved results { id outcome } } } timeline { kind detail } } } }""";

	/** 王芳 (13800000003): a woman of 61 registered in 市北区, no 离退休证. */
	static final String WANG_FANG = "13800000003";

	@Autowired
	Tokens tokens;

	@Autowired
	BenefitMatching matching;

	@Autowired
	ShiftedClock clock;

	@Autowired
	MongoTemplate mongo;

	@Test
	void consentMatchesOffersAcceptsAndWithdraws() {
		GraphQlTester wang = this.tokens.as(this.tokens.resident(WANG_FANG));
		wang.document("{ myProactiveMatching { enabled changedAt } }").execute()
			.path("myProactiveMatching.enabled").entity(Boolean.class).isEqualTo(false);
		this.matching.matchAll();
		wang.document(OFFERS).execute().path("myBenefitOffers").entityList(Object.class).hasSize(0);

		GraphQlTester.Response given = wang.document(CONSENT).variable("on", true).execute();
		given.path("setProactiveMatching.matching.enabled").entity(Boolean.class).isEqualTo(true);
		given.path("setProactiveMatching.offers[*].policy.code").entityList(String.class)
			.contains("RESIDENT_PENSION", "HOUSING_FUND_RETIREMENT")
			.hasSize(2);

		// a repeated run and a resumed one offer nothing twice
		assertThat(this.matching.matchAll()).isZero();
		this.mongo.save(new Document("_id", BenefitMatching.JOB).append("after", ""), "benefit_matching_progress");
		assertThat(this.matching.matchAll()).isZero();
		GraphQlTester.Response offers = wang.document(OFFERS).execute();
		offers.path("myBenefitOffers[*].policy.code").entityList(String.class).hasSize(2);
		offers.path("myBenefitOffers[?(@.policy.code == 'RESIDENT_PENSION')].results[*].outcome").entityList(String.class)
			.containsExactly("PASSED", "PASSED", "PASSED");
		String pension = offers.path("myBenefitOffers[?(@.policy.code == 'RESIDENT_PENSION')].id").entityList(String.class).get().get(0);
		String housingFund = offers.path("myBenefitOffers[?(@.policy.code == 'HOUSING_FUND_RETIREMENT')].id").entityList(String.class)
			.get().get(0);

		// each offer is told in her inbox (消息中心)
		wang.document("{ myMessages(first: 50) { nodes { kind link } } }").execute()
			.path("myMessages.nodes[?(@.kind == 'BENEFIT')].link").entityList(String.class)
			.contains("benefit-offer:" + pension, "benefit-offer:" + housingFund);
		firstError(this.tokens.as(this.tokens.resident()).document(ACCEPT).variable("id", pension).execute(), "OFFER_NOT_FOUND");
		GraphQlTester.Response accepted = wang.document(ACCEPT).variable("id", pension).execute();
		accepted.path("acceptBenefitOffer.application.status").entity(String.class).isEqualTo("COMPLETED");
		accepted.path("acceptBenefitOffer.application.tasks[0].decision.approved").entity(Boolean.class).isEqualTo(true);
		accepted.path("acceptBenefitOffer.application.timeline[*].kind").entityList(String.class)
			.containsExactly("SUBMITTED", "AUTO_APPROVED", "COMPLETED");
		String applicationId = accepted.path("acceptBenefitOffer.application.id").entity(String.class).get();
		wang.document(ACCEPT).variable("id", pension).execute()
			.path("acceptBenefitOffer.application.id").entity(String.class).isEqualTo(applicationId);
		wang.document(OFFERS).execute()
			.path("myBenefitOffers[?(@.policy.code == 'RESIDENT_PENSION')].applicationId").entityList(String.class)
			.containsExactly(applicationId)
			.path("myBenefitOffers[?(@.policy.code == 'RESIDENT_PENSION')].application.id").entityList(String.class)
			.containsExactly(applicationId)
			.path("myBenefitOffers[?(@.policy.code == 'RESIDENT_PENSION')].application.status").entityList(String.class)
			.containsExactly("COMPLETED");

		GraphQlTester.Response withdrawn = wang.document(CONSENT).variable("on", false).execute();
		withdrawn.path("setProactiveMatching.offers[?(@.policy.code == 'HOUSING_FUND_RETIREMENT')].status").entityList(String.class)
			.containsExactly("WITHDRAWN");
		withdrawn.path("setProactiveMatching.offers[?(@.policy.code == 'RESIDENT_PENSION')].status").entityList(String.class)
			.containsExactly("ACCEPTED");
		firstError(wang.document(ACCEPT).variable("id", housingFund).execute(), "OFFER_WITHDRAWN");
		assertThat(this.matching.matchAll()).isZero();
		wang.document(OFFERS).execute()
			.path("myBenefitOffers[?(@.policy.code == 'HOUSING_FUND_RETIREMENT')].status").entityList(String.class)
			.containsExactly("WITHDRAWN");

		// the figures are kept for a minute: past it, they count this test's offers
		this.clock.shift(ApplicationFigures.KEPT_FOR.plusSeconds(1));
		try {
			GraphQlTester.Response figures = this.tokens.as(this.tokens.resident(WANG_FANG))
				.document("{ catalogStatistics { applications { benefitUptake { numerator denominator } } } }")
				.execute();
			figures.path("catalogStatistics.applications.benefitUptake.numerator").entity(Integer.class)
				.satisfies((uptaken) -> assertThat(uptaken).isPositive());
			figures.path("catalogStatistics.applications.benefitUptake.denominator").entity(Integer.class)
				.satisfies((offersMade) -> assertThat(offersMade).isGreaterThanOrEqualTo(2));
		}
		finally {
			this.clock.reset();
		}
	}

	@Test
	void aRunCutShortResumesAfterTheLastResidentDone() {
		// progress past every resident: the resumed run has nobody left, then starts over next time
		this.mongo.save(new Document("_id", BenefitMatching.JOB).append("after", "psn_zzzz"), "benefit_matching_progress");
		assertThat(this.matching.matchAll()).isZero();
		assertThat(this.mongo.findById(BenefitMatching.JOB, Document.class, "benefit_matching_progress")).isNull();
	}

}
