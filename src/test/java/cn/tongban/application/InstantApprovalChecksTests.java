package cn.tongban.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.tongban.bundle.Bundle;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.certificate.CertificateType;
import cn.tongban.certificate.CertificateTypeService;
import cn.tongban.identity.PersonDetails;
import cn.tongban.platform.rules.Operator;
import cn.tongban.platform.rules.Rule;
import cn.tongban.platform.rules.RuleResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** 秒批's own checks beside the item's rules: nothing a person must look at may be approved by rules alone. */
class InstantApprovalChecksTests {

	private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");

	private static final Rule ADULT = Rule.leaf("adult", "年满18周岁", "person.age", Operator.GTE, 18);

	private static final PersonDetails ZHANG_WEI = new PersonDetails("psn_1", "张伟", "370202199003151233", "13800000001",
			"MALE", LocalDate.of(1990, 3, 15), "汉族", "青岛市市南区", "370202", false);

	private static final CertificateType RESIDENCE_PERMIT = new CertificateType("GA-003", "居住证", "Residence permit", "GA",
			CertificateType.HolderKind.PERSON, 1, List.of(new CertificateType.Field("holderName", "姓名", false),
					new CertificateType.Field("residenceAddress", "居住地址", false)));

	private final ApprovalRules rules = mock(ApprovalRules.class);

	private final DecisionFacts facts = mock(DecisionFacts.class);

	private final CertificateTypeService types = mock(CertificateTypeService.class);

	private final InstantApproval approval = new InstantApproval(this.rules, this.facts, this.types);

	InstantApprovalChecksTests() {
		given(this.rules.of(any())).willReturn(Optional.of(List.of(ADULT)));
		given(this.facts.of(any(), any(), any(), any(), any())).willReturn(Map.of("person.age", 36));
		given(this.types.findByCodes(any())).willReturn(Map.of("GA-003", RESIDENCE_PERMIT));
	}

	@Test
	void allRulesAndChecksPassing_approvesByRules() {
		Application.Task task = decide(task(null), submission(Map.of(), Map.of(), certificateMaterials(), null));

		assertThat(task.status()).isEqualTo(Application.TaskStatus.APPROVED);
		assertThat(task.actor()).isEqualTo(Application.RULES);
		assertThat(task.decision().approved()).isTrue();
		assertThat(task.decision().results()).extracting(RuleResult::id).containsExactly("adult", "materials");
	}

	@Test
	void aMaterialBroughtToTheCounterLeavesTheTaskToStaff() {
		List<Application.MaterialEntry> materials = List.of(
				new Application.MaterialEntry("居民身份证", "GA-001", Application.Provision.CERTIFICATE, "crt_1"),
				new Application.MaterialEntry("房屋租赁合同", null, Application.Provision.COUNTER, null));

		Application.Task task = decide(task(null), submission(Map.of(), Map.of(), materials, null));

		assertThat(task.status()).isEqualTo(Application.TaskStatus.PENDING);
		assertThat(task.decision().approved()).isFalse();
		assertThat(result(task, InstantApproval.MATERIALS).reason()).isEqualTo("须到窗口核验：房屋租赁合同");
	}

	@Test
	void aTypedValueTheCertificateWouldSealLeavesTheTaskToStaff() {
		Map<String, String> values = Map.of("residenceAddress", "青岛市市南区香港中路1号");

		Application.Task typed = decide(task("GA-003"),
				submission(values, Map.of("residenceAddress", FormValidator.TYPED), certificateMaterials(), null));
		Application.Task fromAuthority = decide(task("GA-003"),
				submission(values, Map.of("residenceAddress", "PROFILE"), certificateMaterials(), null));

		assertThat(typed.status()).isEqualTo(Application.TaskStatus.PENDING);
		assertThat(result(typed, InstantApproval.TYPED_VALUES).outcome()).isEqualTo(RuleResult.Outcome.FAILED);
		assertThat(result(typed, InstantApproval.TYPED_VALUES).reason()).contains("residenceAddress");
		assertThat(fromAuthority.status()).isEqualTo(Application.TaskStatus.APPROVED);
		assertThat(result(fromAuthority, InstantApproval.TYPED_VALUES).passed()).isTrue();
	}

	@Test
	void aNewbornRegistrationIsNeverApprovedByRules() {
		Bundle newborn = new Bundle("NEWBORN", "新生儿出生一件事", null, "BIRTH", "NATURAL_PERSON", null,
				List.of(new Bundle.Item("370202GG0050001000", Bundle.CHILD_FIELDS)), Map.of(),
				Map.of("370202GG0050001000", Bundle.IssueHolder.CHILD));

		Application.Task task = decide(task(null), submission(Map.of(), Map.of(), certificateMaterials(), newborn));

		assertThat(task.status()).isEqualTo(Application.TaskStatus.PENDING);
		assertThat(result(task, InstantApproval.REGISTRATION).outcome()).isEqualTo(RuleResult.Outcome.FAILED);
	}

	@Test
	void aFailingRuleLeavesTheTaskToStaffWithItsReason() {
		given(this.facts.of(any(), any(), any(), any(), any())).willReturn(Map.of("person.age", 16));

		Application.Task task = decide(task(null), submission(Map.of(), Map.of(), certificateMaterials(), null));

		assertThat(task.status()).isEqualTo(Application.TaskStatus.PENDING);
		assertThat(result(task, "adult").reason()).isEqualTo("person.age 为 16，要求 ≥ 18");
	}

	@Test
	void anItemWithoutRulesIsLeftAsItWas() {
		given(this.rules.of(any())).willReturn(Optional.empty());
		Application.Task before = task(null);

		assertThat(decide(before, submission(Map.of(), Map.of(), certificateMaterials(), null))).isSameAs(before);
	}

	private Application.Task decide(Application.Task task, InstantApproval.Submission submission) {
		ServiceItem item = ServiceItem.builder()
			.code(task.itemCode())
			.basicCode(task.itemCode().substring(6))
			.build();
		return this.approval.decide(List.of(task), Map.of(task.itemCode(), item), submission, NOW).get(0);
	}

	private static Application.Task task(String resultType) {
		return new Application.Task("t1", "370202QR0010018000", "居住证签注", "GA", Application.TaskStatus.PENDING, null, null,
				NOW, resultType, null);
	}

	private static InstantApproval.Submission submission(Map<String, String> values, Map<String, String> sources,
			List<Application.MaterialEntry> materials, Bundle bundle) {
		return new InstantApproval.Submission(ZHANG_WEI, "psn_1", values, sources, materials, bundle);
	}

	private static List<Application.MaterialEntry> certificateMaterials() {
		return List.of(new Application.MaterialEntry("居民身份证", "GA-001", Application.Provision.CERTIFICATE, "crt_1"));
	}

	private static RuleResult result(Application.Task task, String id) {
		return task.decision().results().stream().filter((r) -> r.id().equals(id)).findFirst().orElseThrow();
	}

}
