package cn.tongban.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.tongban.bundle.BundleService.Prefill;
import cn.tongban.bundle.BundleService.UnifiedField;
import cn.tongban.bundle.FormField;
import cn.tongban.platform.graphql.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The form rules without Spring: locked authoritative fields, provenance, normalisation, supplements. */
class FormValidatorTests {

	private static final LocalDate TODAY = LocalDate.parse("2026-12-03");

	static final Prefill IDENTITY = new Prefill("张伟", "个人身份信息（统一身份认证）", LocalDate.of(2026, 12, 2));

	static final Prefill IDENTITY_NUMBER = new Prefill("370202199003151233", "个人身份信息（统一身份认证）",
			LocalDate.of(2026, 12, 2));

	static final List<UnifiedField> FORM = List.of(
			field("applicantName", FormField.Type.TEXT, "PROFILE:name", IDENTITY),
			field("applicantIdNumber", FormField.Type.ID_NUMBER, "PROFILE:idNumber", IDENTITY_NUMBER),
			optional("spouseName", FormField.Type.TEXT, "CERTIFICATE:MZ-001.spouseName"),
			field("childName", FormField.Type.TEXT, null, null));

	@Test
	void authoritativeValuesAreTakenFromTheirSourceAndMarkedSo() {
		FormValidator.Validated validated = FormValidator.validate(Map.of("childName", "张小宝", "spouseName", "李娜"), FORM, TODAY);
		assertThat(validated.values()).containsEntry("applicantName", "张伟")
			.containsEntry("applicantIdNumber", "370202199003151233");
		assertThat(validated.sources()).containsEntry("applicantName", IDENTITY.source())
			.containsEntry("childName", FormValidator.TYPED)
			// no certificate had it: typed, not locked
			.containsEntry("spouseName", FormValidator.TYPED);
	}

	@Test
	void aDifferentValueForALockedFieldIsRefusedAndTheSameOneIsAccepted() {
		for (String key : List.of("applicantName", "applicantIdNumber")) {
			String other = key.equals("applicantName") ? "李四" : "11010519491231002X";
			ApiException refused = catchThrowableOfType(ApiException.class,
					() -> FormValidator.validate(Map.of(key, other, "childName", "张小宝"), FORM, TODAY));
			assertThat(refused.code().name()).isEqualTo("FIELD_LOCKED");
			assertThat(refused.field()).isEqualTo("input.formValues." + key);
		}
		assertThat(FormValidator.validate(Map.of("applicantName", "张伟", "childName", "张小宝"), FORM, TODAY).values())
			.containsEntry("applicantName", "张伟");
	}

	@Test
	void valuesAreComparedAndStoredInNfcWithoutSurroundingSpaces() {
		Map<String, String> given = FormValidator.normalised(Map.of("childName", "  张小宝\u3000", "applicantName",
				" 张伟 "));
		assertThat(given).containsEntry("childName", "张小宝").containsEntry("applicantName", "张伟");
		String decomposed = "Jose\u0301";
		assertThat(FormValidator.normalised(Map.of("childName", decomposed))).containsEntry("childName", "Jos\u00e9");
		assertThat(FormValidator.validate(given, FORM, TODAY).values()).containsEntry("childName", "张小宝");
	}

	@Test
	void aValueOnTwoLinesIsRefused() {
		ApiException refused = catchThrowableOfType(ApiException.class,
				() -> FormValidator.validate(Map.of("childName", "张小宝\n李四"), FORM, TODAY));
		assertThat(refused.code().name()).isEqualTo("INVALID_FORM");
		assertThat(refused.field()).isEqualTo("input.formValues.childName");
	}

	@Test
	void aSupplementChangesTypedValuesOnlyAndKeepsThemMarkedTyped() {
		FormValidator.Validated stored = FormValidator.validate(Map.of("childName", "张小宝"), FORM, TODAY);
		FormValidator.Validated changed = FormValidator.supplement(stored, Map.of("childName", "张小雨"), FORM, TODAY);
		assertThat(changed.values()).containsEntry("childName", "张小雨").containsEntry("applicantName", "张伟");
		assertThat(changed.sources()).containsEntry("childName", FormValidator.TYPED);
		ApiException locked = catchThrowableOfType(ApiException.class,
				() -> FormValidator.supplement(stored, Map.of("applicantIdNumber", "11010519491231002X"), FORM, TODAY));
		assertThat(locked.code().name()).isEqualTo("FIELD_LOCKED");
		ApiException unknown = catchThrowableOfType(ApiException.class,
				() -> FormValidator.supplement(stored, Map.of("favouriteColour", "蓝"), FORM, TODAY));
		assertThat(unknown.code().name()).isEqualTo("INVALID_FORM");
	}

	@Test
	void aCertificateIsAboutTheApplicantUnlessItsHolderIsAnotherFormField() {
		assertThat(ApplicationService.isAboutApplicant(Map.of())).isTrue();
		assertThat(ApplicationService.isAboutApplicant(Map.of("holderName", "applicantName"))).isTrue();
		assertThat(ApplicationService.isAboutApplicant(Map.of("holderName", "childName"))).isFalse();
	}

	private static UnifiedField optional(String key, FormField.Type type, String source) {
		return new UnifiedField(new FormField(key, key, type, false, source, null), List.of("item"), null);
	}

	private static UnifiedField field(String key, FormField.Type type, String source, Prefill prefill) {
		return new UnifiedField(new FormField(key, key, type, true, source, null), List.of("item"), prefill);
	}

}
