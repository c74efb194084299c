package cn.tongban.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.tongban.catalog.CatalogError;
import cn.tongban.catalog.CatalogService;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.identity.IdentityService;
import cn.tongban.message.MessageCentre;
import cn.tongban.message.MessageKind;
import cn.tongban.identity.PersonDetails;
import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.jobs.JobLeases;
import cn.tongban.platform.rules.RuleEvaluator;
import cn.tongban.platform.rules.RuleResult;
import cn.tongban.platform.security.Subject;
import cn.tongban.platform.seed.SeedFiles;
import cn.tongban.platform.seed.Seeder;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * 免申即享: benefit policies matched to residents who consented, before they ask. A matching run
 * covers every consenting resident in pages, remembering the last one done, so a run cut short
 * resumes where it stopped; offers are keyed by resident and policy, so a repeated run offers
 * nothing twice. A resident is matched again at once when they consent and when an application
 * issues them a certificate; a birthday that crosses an age line is found by the next run
 * ({@code tongban.benefits.match-interval}).
 */
@Service
class BenefitMatching implements Seeder {

	static final String JOB = "benefit-matching";

	static final int PAGE = 500;

	private static final Logger log = LoggerFactory.getLogger(BenefitMatching.class);

	private final MongoTemplate mongo;

	private final ApprovalRules approvalRules;

	private final DecisionFacts facts;

	private final IdentityService identity;

	private final CatalogService catalog;

	private final ApplicationService applications;

	private final JobLeases leases;

	private final MessageCentre messages;

	private final Clock clock;

	private volatile Map<String, BenefitPolicy> policies = Map.of();

	BenefitMatching(MongoTemplate mongo, ApprovalRules approvalRules, DecisionFacts facts, IdentityService identity,
			CatalogService catalog, ApplicationService applications, JobLeases leases, MessageCentre messages, Clock clock) {
		this.mongo = mongo;
		this.messages = messages;
		this.approvalRules = approvalRules;
		this.facts = facts;
		this.identity = identity;
		this.catalog = catalog;
		this.applications = applications;
		this.leases = leases;
		this.clock = clock;
	}

	/** After the approval rules. */
	@Override
	public int order() {
		return 41;
	}

	@Override
	public void seed(SeedFiles files) {
		files.applyIfChanged("application/benefit-policies.json", BenefitPolicy.class, (list) -> {
			requireValid(list);
			this.mongo.remove(new Query(), BenefitPolicy.class);
			this.mongo.insertAll(list);
		});
	}

	/** Loads and checks the stored policies (at every start, by ApprovalRulesCheck). */
	void load() {
		List<BenefitPolicy> stored = this.mongo.findAll(BenefitPolicy.class);
		requireValid(stored);
		List<String> unused = this.approvalRules.withoutItems(asRuleSets(stored))
			.stream()
			.map(ApprovalRuleSet::itemName)
			.toList();
		if (!unused.isEmpty()) {
			log.warn("Benefit policies whose item is not in the catalogue are not matched: {}", unused);
		}
		this.policies = stored.stream()
			.filter((policy) -> !unused.contains(policy.code()))
			.collect(Collectors.toUnmodifiableMap(BenefitPolicy::code, (p) -> p));
		log.info("Benefit policies (免申即享): {}", stored.size());
	}

	private void requireValid(List<BenefitPolicy> list) {
		List<String> problems = this.approvalRules.problems(asRuleSets(list), ApprovalRuleSet::itemName);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Benefit policies are not valid (application/benefit-policies.json): "
					+ String.join("; ", problems));
		}
	}

	/** Policies as rule sets named by policy code, for the checks they share with approval rules. */
	private static List<ApprovalRuleSet> asRuleSets(List<BenefitPolicy> list) {
		return list.stream().map((p) -> new ApprovalRuleSet(p.itemBasicCode(), p.code(), p.rules())).toList();
	}

	Map<String, BenefitPolicy> policies() {
		return this.policies;
	}

	MatchingConsent consent(String personId) {
		MatchingConsent consent = this.mongo.findById(personId, MatchingConsent.class);
		return (consent != null) ? consent : new MatchingConsent(personId, false, null);
	}

	/** Gives or withdraws consent; giving matches at once, withdrawing withdraws every open offer. */
	MatchingConsent setConsent(Subject resident, boolean enabled) {
		Instant now = now();
		MatchingConsent consent = new MatchingConsent(resident.id(), enabled, now);
		this.mongo.save(consent);
		if (enabled) {
			matchPerson(resident.id());
		}
		else {
			this.mongo.updateMulti(Query.query(Criteria.where("personId").is(resident.id()).and("status")
				.is(BenefitOffer.Status.OFFERED)), Update.update("status", BenefitOffer.Status.WITHDRAWN)
					.set("decidedAt", now), BenefitOffer.class);
		}
		return consent;
	}

	/** The resident's offers, newest first (at most one per policy). */
	List<BenefitOffer> offers(String personId) {
		return this.mongo.find(Query.query(Criteria.where("personId").is(personId))
			.with(Sort.by(Sort.Direction.DESC, "offeredAt"))
			.limit(100), BenefitOffer.class);
	}

	/** Matches one consenting resident against every policy; the number of offers made (new or renewed). */
	int matchPerson(String personId) {
		if (!consent(personId).enabled()) {
			return 0;
		}
		Optional<PersonDetails> person = this.identity.person(personId);
		if (person.isEmpty()) {
			return 0;
		}
		Instant now = now();
		int offered = 0;
		for (BenefitPolicy policy : this.policies.values()) {
			List<RuleResult> results = RuleEvaluator.evaluate(policy.rules(),
					this.facts.of(policy.rules(), person.get(), personId, Map.of(), now));
			String id = BenefitOffer.idFor(personId, policy.code());
			if (RuleEvaluator.allPassed(results)) {
				offered += offer(id, personId, policy, results, now) ? 1 : 0;
			}
			else {
				this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(BenefitOffer.Status.OFFERED)),
						Update.update("status", BenefitOffer.Status.WITHDRAWN).set("decidedAt", now), BenefitOffer.class);
			}
		}
		return offered;
	}

	/** A new offer, or a withdrawn one renewed, told in the resident's inbox; an open or accepted one stays as it is. */
	private boolean offer(String id, String personId, BenefitPolicy policy, List<RuleResult> results, Instant now) {
		if (!storeOffer(id, personId, policy, results, now)) {
			return false;
		}
		this.messages.postAfterChange("benefit-offer:" + id + ":" + now.toEpochMilli(), personId, MessageKind.BENEFIT,
				"您符合「" + policy.name() + "」，无需申请即可领取", "免申即享：" + policy.benefit() + "。在通办 App 确认即可领取。",
				"benefit-offer:" + id);
		return true;
	}

	private boolean storeOffer(String id, String personId, BenefitPolicy policy, List<RuleResult> results, Instant now) {
		Update renewed = Update.update("status", BenefitOffer.Status.OFFERED).set("results", results)
			.set("offeredAt", now).unset("decidedAt");
		if (this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(BenefitOffer.Status.WITHDRAWN)),
				renewed, BenefitOffer.class).getModifiedCount() > 0) {
			return true;
		}
		Update created = new Update().setOnInsert("personId", personId).setOnInsert("policyCode", policy.code())
			.setOnInsert("status", BenefitOffer.Status.OFFERED).setOnInsert("results", results)
			.setOnInsert("offeredAt", now);
		return this.mongo.upsert(Query.query(Criteria.where("_id").is(id)), created, BenefitOffer.class)
			.getUpsertedId() != null;
	}

	@Scheduled(fixedDelayString = "${tongban.benefits.match-interval:1h}", initialDelayString = "${tongban.benefits.match-interval:1h}")
	void run() {
		this.leases.run(JOB, this::matchAll);
	}

	/**
	 * Every consenting resident, a page at a time in id order; the last id done is kept
	 * ({@code benefit_matching_progress}), so a run cut short resumes after it, and cleared at the end.
	 */
	int matchAll() {
		Query progress = Query.query(Criteria.where("_id").is(JOB));
		Document kept = this.mongo.findOne(progress, Document.class, "benefit_matching_progress");
		String after = (kept != null) ? kept.getString("after") : "";
		int offered = 0;
		while (true) {
			List<MatchingConsent> page = this.mongo.find(Query.query(Criteria.where("enabled").is(true).and("_id").gt(after))
				.with(Sort.by("_id")).limit(PAGE), MatchingConsent.class);
			if (page.isEmpty()) {
				break;
			}
			for (MatchingConsent consent : page) {
				offered += matchPerson(consent.personId());
			}
			after = page.get(page.size() - 1).personId();
			this.mongo.upsert(progress, Update.update("after", after), "benefit_matching_progress");
		}
		this.mongo.remove(progress, "benefit_matching_progress");
		return offered;
	}

	/** A certificate issued to a resident may make them eligible: match them again (never failing the issue). */
	@EventListener
	void on(ApplicationService.CertificatesIssued issued) {
		try {
			matchPerson(issued.holderId());
		}
		catch (RuntimeException ex) {
			log.warn("Matching {} after a certificate was issued failed ({}); the next run will", issued.holderId(), ex.toString());
		}
	}

	/**
	 * Accepts an offer in one step: the policy's rules are checked again today and, when they still
	 * hold, an application for the policy's item (the resident's district, else the city) is made
	 * and approved by them. Accepting twice returns the same application.
	 */
	Application accept(Subject resident, String offerId) {
		BenefitOffer offer = (offerId != null && offerId.length() <= 40) ? this.mongo.findById(offerId, BenefitOffer.class) : null;
		if (offer == null || !offer.personId().equals(resident.id())) {
			throw ApiException.onField("input.offerId", ApplicationError.OFFER_NOT_FOUND, offerId);
		}
		if (offer.status() == BenefitOffer.Status.ACCEPTED) {
			return this.applications.visibleTo(resident, offer.applicationId());
		}
		BenefitPolicy policy = this.policies.get(offer.policyCode());
		if (offer.status() == BenefitOffer.Status.WITHDRAWN || policy == null) {
			throw ApiException.onField("input.offerId", ApplicationError.OFFER_WITHDRAWN);
		}
		PersonDetails person = this.identity.person(resident.id()).orElseThrow();
		Instant now = now();
		List<RuleResult> results = RuleEvaluator.evaluate(policy.rules(),
				this.facts.of(policy.rules(), person, resident.id(), Map.of(), now));
		if (!RuleEvaluator.allPassed(results)) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(offerId)),
					Update.update("status", BenefitOffer.Status.WITHDRAWN).set("decidedAt", now).set("results", results),
					BenefitOffer.class);
			throw ApiException.onField("input.offerId", ApplicationError.OFFER_WITHDRAWN);
		}
		ServiceItem item = itemFor(person, policy);
		Application application = this.applications.grant(resident, item, policy.name(), results, "offer-" + offerId);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(offerId).and("status").is(BenefitOffer.Status.OFFERED)),
				Update.update("status", BenefitOffer.Status.ACCEPTED).set("decidedAt", now)
					.set("applicationId", application.id()), BenefitOffer.class);
		return application;
	}

	/** The policy's item as implemented in the resident's district, else in the city. */
	private ServiceItem itemFor(PersonDetails person, BenefitPolicy policy) {
		String district = (person.regionCode() != null) ? person.regionCode() : "";
		return this.catalog.findItem(ServiceItem.implementationCode(district, policy.itemBasicCode()))
			.filter(ServiceItem::isActive)
			.or(() -> this.catalog.findItem(ServiceItem.implementationCode("370200", policy.itemBasicCode()))
				.filter(ServiceItem::isActive))
			.orElseThrow(() -> ApiException.onField("input.offerId", CatalogError.ITEM_NOT_FOUND, policy.itemBasicCode()));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
