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
			load();
		});
	}

	/** Every problem of every set, each naming its item; empty when all are usable. */
	List<String> problems(List<ApprovalRuleSet> sets) {
		List<String> problems = new ArrayList<>();
		Map<String, List<ServiceItem>> items = this.catalog
			.implementationsOf(sets.stream().map(ApprovalRuleSet::itemBasicCode).toList());
		Function<String, Optional<FactType>> types = this.facts::typeOf;
		for (ApprovalRuleSet set : sets) {
			if (items.getOrDefault(set.itemBasicCode(), List.of()).isEmpty()) {
				problems.add(set.itemBasicCode() + ": no such item in the catalogue");
			}
			RuleValidation.problems(set.rules(), types)
				.forEach((problem) -> problems.add(set.itemBasicCode() + " " + problem));
		}
		return problems;
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
		this.byBasicCode = sets.stream().collect(Collectors.toUnmodifiableMap(ApprovalRuleSet::itemBasicCode, (s) -> s));
		log.info("Approval rules (秒批) for {} items", sets.size());
	}

}
