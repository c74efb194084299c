package cn.tongban.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.tongban.catalog.CatalogService;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.platform.rules.FactType;
import cn.tongban.platform.rules.Rule;
import cn.tongban.platform.rules.RuleValidation;
import cn.tongban.platform.seed.SeedFiles;
import cn.tongban.platform.seed.Seeder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The items' approval rules (秒批规则): seeded from {@code application/approval-rules.json}, checked
 * before they are stored and again at every start ({@link ApprovalRulesCheck}: an unknown fact, a
 * value of the wrong type, an unknown item refuses the start, naming each problem), then held in
 * memory: a submission reads them without a database round trip. Not a lifecycle bean itself: the
 * seed runner depends on it, and a lifecycle dependency would be started before the seeds.
 */
@Component
class ApprovalRules implements Seeder {

	private static final Logger log = LoggerFactory.getLogger(ApprovalRules.class);

	private final MongoTemplate mongo;

	private final DecisionFacts facts;

	private final CatalogService catalog;

	private volatile Map<String, ApprovalRuleSet> byBasicCode = Map.of();

	ApprovalRules(MongoTemplate mongo, DecisionFacts facts, CatalogService catalog) {
		this.mongo = mongo;
		this.facts = facts;
		this.catalog = catalog;
	}

	/** The rules of an item's basic item, if it has any. */
	Optional<List<Rule>> of(ServiceItem item) {
		return Optional.ofNullable(this.byBasicCode.get(item.getBasicCode())).map(ApprovalRuleSet::rules);
	}

	/** After the catalogue and the form fields (whose facts the rules name). */
	@Override
	public int order() {
		return 40;
	}

	@Override
	public void seed(SeedFiles files) {
		files.applyIfChanged("application/approval-rules.json", ApprovalRuleSet.class, (sets) -> {
			requireValid(sets);
			this.mongo.remove(new Query(), ApprovalRuleSet.class);
			this.mongo.insertAll(sets);
		});
	}

	/** Every problem of every set's rules, each naming its item; empty when all are usable. */
	List<String> problems(List<ApprovalRuleSet> sets) {
		return problems(sets, ApprovalRuleSet::itemBasicCode);
	}

	/** The same, each problem named by {@code label} (a benefit policy names itself, not its item). */
	List<String> problems(List<ApprovalRuleSet> sets, Function<ApprovalRuleSet, String> label) {
		List<String> problems = new ArrayList<>();
		Function<String, Optional<FactType>> types = this.facts::typeOf;
		for (ApprovalRuleSet set : sets) {
			RuleValidation.problems(set.rules(), types)
				.forEach((problem) -> problems.add(label.apply(set) + " " + problem));
		}
		return problems;
	}

	/**
	 * The sets whose item the catalogue does not hold (a catalogue overlay without it): not an error,
	 * as the rules are sound, but never used; logged at every load.
	 */
	List<ApprovalRuleSet> withoutItems(List<ApprovalRuleSet> sets) {
		Map<String, List<ServiceItem>> items = this.catalog
			.implementationsOf(sets.stream().map(ApprovalRuleSet::itemBasicCode).toList());
		return sets.stream().filter((set) -> items.getOrDefault(set.itemBasicCode(), List.of()).isEmpty()).toList();
	}

	private void requireValid(List<ApprovalRuleSet> sets) {
		List<String> problems = problems(sets);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Approval rules are not valid (application/approval-rules.json): "
					+ String.join("; ", problems));
		}
	}

	/** Loads and checks the stored rules; a set with a problem refuses them all. */
	void load() {
		List<ApprovalRuleSet> sets = this.mongo.findAll(ApprovalRuleSet.class);
		requireValid(sets);
		List<ApprovalRuleSet> unused = withoutItems(sets);
		if (!unused.isEmpty()) {
			log.warn("Approval rules for items not in the catalogue are not used: {}",
					unused.stream().map(ApprovalRuleSet::itemBasicCode).toList());
		}
		this.byBasicCode = sets.stream().collect(Collectors.toUnmodifiableMap(ApprovalRuleSet::itemBasicCode, (s) -> s));
		log.info("Approval rules (秒批) for {} items", sets.size());
	}

}
