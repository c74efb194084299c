package cn.tongban.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.tongban.bundle.Bundle;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.certificate.CertificateType;
import cn.tongban.certificate.CertificateTypeService;
import cn.tongban.identity.PersonDetails;
import cn.tongban.platform.rules.Rule;
import cn.tongban.platform.rules.RuleEvaluator;
import cn.tongban.platform.rules.RuleResult;

import org.springframework.stereotype.Component;

/**
 * 秒批: at submission, each task whose item has approval rules gets the rules' verdict. It is approved
 * at once when every rule passes and nothing needs a person: every material comes from certificates
 * or shared data, and the certificate it issues would seal no value the applicant typed. Otherwise it
 * waits for staff as usual, who see each rule's outcome and reason.
 */
@Component
class InstantApproval {

	static final String MATERIALS = "materials";

	static final String TYPED_VALUES = "typedValues";

	static final String REGISTRATION = "registration";

	private final ApprovalRules rules;

	private final DecisionFacts facts;

	private final CertificateTypeService certificateTypes;

	InstantApproval(ApprovalRules rules, DecisionFacts facts, CertificateTypeService certificateTypes) {
		this.rules = rules;
		this.facts = facts;
		this.certificateTypes = certificateTypes;
	}

	/** What an application being submitted is, as far as the rules are concerned. */
	record Submission(PersonDetails applicant, String holderId, Map<String, String> formValues,
			Map<String, String> formSources, List<Application.MaterialEntry> materials, Bundle bundle) {
	}

	/** The tasks with their verdicts: approved by the rules where all passed, else unchanged but for the verdict. */
	List<Application.Task> decide(List<Application.Task> tasks, Map<String, ServiceItem> items, Submission submission,
			Instant now) {
		List<Application.Task> decided = new ArrayList<>();
		for (Application.Task task : tasks) {
			ServiceItem item = items.get(task.itemCode());
			List<Rule> itemRules = (item != null) ? this.rules.of(item).orElse(List.of()) : List.of();
			if (itemRules.isEmpty()) {
				decided.add(task);
				continue;
			}
			List<RuleResult> results = new ArrayList<>(RuleEvaluator.evaluate(itemRules, this.facts.of(itemRules,
					submission.applicant(), submission.holderId(), submission.formValues(), now)));
			results.add(materials(submission.materials()));
			if (task.resultCertificateTypeCode() != null) {
				results.add(typedValues(task, submission));
			}
			if (submission.bundle() != null
					&& submission.bundle().issueHolders().containsValue(Bundle.IssueHolder.CHILD)) {
				results.add(new RuleResult(REGISTRATION, "不涉及新生儿户口登记", RuleResult.Outcome.FAILED,
						"该一件事为新生儿登记户口，须由工作人员办理"));
			}
			boolean approved = RuleEvaluator.allPassed(results);
			Application.Decision decision = new Application.Decision(approved, List.copyOf(results), now, null);
			decided.add(approved ? task.with(Application.TaskStatus.APPROVED, null, Application.RULES, now)
				.withDecision(decision) : task.withDecision(decision));
		}
		return decided;
	}

	private static RuleResult materials(List<Application.MaterialEntry> materials) {
		List<String> atCounter = materials.stream()
			.filter((material) -> material.provision() == Application.Provision.COUNTER)
			.map(Application.MaterialEntry::name)
			.toList();
		return atCounter.isEmpty()
				? new RuleResult(MATERIALS, "材料均来自电子证照或共享数据", RuleResult.Outcome.PASSED, "无需到窗口提交材料")
				: new RuleResult(MATERIALS, "材料均来自电子证照或共享数据", RuleResult.Outcome.FAILED,
						"须到窗口核验：" + String.join("、", atCounter));
	}

	/** A sealed certificate never carries a value only the applicant vouched for unless staff confirmed it. */
	private RuleResult typedValues(Application.Task task, Submission submission) {
		CertificateType type = this.certificateTypes.findByCodes(List.of(task.resultCertificateTypeCode()))
			.get(task.resultCertificateTypeCode());
		Map<String, String> mapping = (submission.bundle() != null && submission.bundle().issueMappings() != null)
				? submission.bundle().issueMappings().getOrDefault(task.itemCode(), Map.of()) : Map.of();
		List<String> typed = (type == null) ? List.of() : type.fields()
			.stream()
			.map((field) -> (mapping.get(field.key()) != null) ? mapping.get(field.key()) : field.key())
			.filter((key) -> submission.formValues().get(key) != null
					&& FormValidator.TYPED.equals(submission.formSources().getOrDefault(key, FormValidator.TYPED)))
			.toList();
		return typed.isEmpty()
				? new RuleResult(TYPED_VALUES, "证照内容均来自权威数据", RuleResult.Outcome.PASSED, "证照不载明手填信息")
				: new RuleResult(TYPED_VALUES, "证照内容均来自权威数据", RuleResult.Outcome.FAILED,
						"证照将载明申请人填写的 " + String.join("、", typed) + "，须由工作人员确认");
	}

}
