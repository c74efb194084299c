package cn.tongban.catalog;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.tongban.certificate.CertificateType;
import cn.tongban.certificate.CertificateTypeService;
import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.PlatformError;
import cn.tongban.reference.References;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** What an administrator's item must satisfy before it is saved: no Spring, the references stubbed. */
class ServiceItemRulesTests {

	private final References references = mock(References.class);

	private final CertificateTypeService certificateTypes = mock(CertificateTypeService.class);

	private final ServiceItemRules rules = new ServiceItemRules(this.references, this.certificateTypes);

	ServiceItemRulesTests() {
		// GA-001 exists, nothing else does
		given(this.certificateTypes.findByCodes(any())).willAnswer((call) -> {
			Map<String, CertificateType> known = new HashMap<>();
			for (String code : call.<Collection<String>>getArgument(0)) {
				if (code.equals("GA-001")) {
					known.put(code, mock(CertificateType.class));
				}
			}
			return known;
		});
	}

	private static ServiceItem.Builder item() {
		return ServiceItem.builder()
			.basicCode("GG0040909000")
			.type(ItemType.PUBLIC_SERVICE)
			.departmentCode("MZ")
			.lifeEvents(List.of("ASSISTANCE"))
			.legalTimeLimitDays(30)
			.promisedTimeLimitDays(10)
			.materials(List.of(new Material("居民身份证", MaterialForm.ORIGINAL, "GA-001", true, 1, null)));
	}

	private ApiException refusal(ServiceItem.Builder item) {
		return catchThrowableOfType(ApiException.class, () -> this.rules.check(item.build()));
	}

	private void passes(ServiceItem.Builder item) {
		assertThatCode(() -> this.rules.check(item.build())).doesNotThrowAnyException();
	}

	@Test
	void aWellFormedItemPasses() {
		passes(item());
	}

	@Test
	void thePromisedTimeLimitMayEqualButNotExceedTheLegalOne() {
		ServiceItem.Builder item = item();
		item.promisedTimeLimitDays(30);
		passes(item);
		item.promisedTimeLimitDays(31);
		assertThat(refusal(item)).satisfies((refused) -> {
			assertThat(refused.code()).isEqualTo(PlatformError.INVALID_ARGUMENT);
			assertThat(refused.field()).isEqualTo("input.promisedTimeLimitDays");
		});
	}

	@ParameterizedTest
	@EnumSource(ItemType.class)
	void theBasicCodeStartsWithItsTypesLetters(ItemType type) {
		ServiceItem.Builder item = item();
		item.type(type);
		item.basicCode(ServiceItemRules.typeLetters(type) + "0040909000");
		passes(item);
		item.basicCode((type == ItemType.LICENSING ? "GG" : "XK") + "0040909000");
		assertThat(refusal(item).field()).isEqualTo("input.basicCode");
	}

	@Test
	void everyCertificateTypeNamedMustExist() {
		ServiceItem.Builder material = item();
		material.materials(List.of(new Material("结婚证", MaterialForm.ORIGINAL, "MZ-999", true, 1, null)));
		assertThat(refusal(material)).satisfies((refused) -> {
			assertThat(refused.code()).isEqualTo(PlatformError.UNKNOWN_REFERENCE);
			assertThat(refused.field()).isEqualTo("input.materials");
		});
		ServiceItem.Builder result = item();
		result.resultCertificateTypeCode("MZ-999");
		assertThat(refusal(result).field()).isEqualTo("input.resultCertificateType");
		result.resultCertificateTypeCode("GA-001");
		passes(result);
	}

}
