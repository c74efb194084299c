package cn.tongban.bundle;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Whom a bundle's certificates are about is declared and checked when the bundle is read. */
class BundleHolderRulesTests {

	static final List<Bundle.Item> NEWBORN_ITEMS = List.of(
			new Bundle.Item("370202GG0050001000", List.of("applicantName", "childName", "childGender", "childBirthDate")),
			new Bundle.Item("370202QR0010006000", List.of("applicantName", "householdNumber")));

	@Test
	void anUndeclaredItemIssuesToTheApplicant() {
		Bundle bundle = bundle(NEWBORN_ITEMS, Map.of("370202GG0050001000", Bundle.IssueHolder.CHILD));
		assertThat(bundle.holderOf("370202GG0050001000")).isEqualTo(Bundle.IssueHolder.CHILD);
		assertThat(bundle.holderOf("370202QR0010006000")).isEqualTo(Bundle.IssueHolder.APPLICANT);
		assertThat(bundle(NEWBORN_ITEMS, null).holderOf("370202GG0050001000")).isEqualTo(Bundle.IssueHolder.APPLICANT);
	}

	@Test
	void aHolderForAnItemTheBundleDoesNotHaveIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> bundle(NEWBORN_ITEMS, Map.of("370202XX9999999000", Bundle.IssueHolder.CHILD)))
			.withMessageContaining("not one of its items");
	}

	@Test
	void aChildHolderNeedsTheChildsNameSexAndBirthDateOnTheForm() {
		List<Bundle.Item> withoutBirthDate = List.of(new Bundle.Item("370202GG0050001000",
				List.of("applicantName", "childName", "childGender")));
		assertThatIllegalStateException()
			.isThrownBy(() -> bundle(withoutBirthDate, Map.of("370202GG0050001000", Bundle.IssueHolder.CHILD)))
			.withMessageContaining("childBirthDate");
	}

	private static Bundle bundle(List<Bundle.Item> items, Map<String, Bundle.IssueHolder> holders) {
		return new Bundle("NEWBORN", "新生儿出生一件事", null, "BIRTH", "NATURAL_PERSON", "", items, Map.of(), holders);
	}

}
