package cn.tongban.catalog;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.tongban.certificate.CertificateType;
import cn.tongban.certificate.CertificateTypeService;
import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.PlatformError;
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

	private final CatalogService catalog = mock(CatalogService.class);

	private final CertificateTypeService certificateTypes = mock(CertificateTypeService.class);

	private final ServiceItemRules rules = new ServiceItemRules(this.catalog, this.certificateTypes);

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

	private static ServiceItem item() {
		ServiceItem item = new ServiceItem();
		item.setBasicCode("GG0040909000");
		item.setType(ItemType.PUBLIC_SERVICE);
		item.setDepartmentCode("MZ");
		item.setLifeEvents(List.of("ASSISTANCE"));
		item.setLegalTimeLimitDays(30);
		item.setPromisedTimeLimitDays(10);
		item.setMaterials(List.of(new Material("居民身份证", MaterialForm.ORIGINAL, "GA-001", true, 1, null)));
		return item;
	}

	private ApiException refusal(ServiceItem item) {
		return catchThrowableOfType(ApiException.class, () -> this.rules.check(item));
	}

	@Test
	void aWellFormedItemPasses() {
		assertThatCode(() -> this.rules.check(item())).doesNotThrowAnyException();
	}

	@Test
	void thePromisedTimeLimitMayEqualButNotExceedTheLegalOne() {
		ServiceItem item = item();
		item.setPromisedTimeLimitDays(30);
		assertThatCode(() -> this.rules.check(item)).doesNotThrowAnyException();
		item.setPromisedTimeLimitDays(31);
		assertThat(refusal(item)).satisfies((refused) -> {
			assertThat(refused.code()).isEqualTo(PlatformError.INVALID_ARGUMENT);
			assertThat(refused.field()).isEqualTo("input.promisedTimeLimitDays");
		});
	}

	@ParameterizedTest
	@EnumSource(ItemType.class)
	void theBasicCodeStartsWithItsTypesLetters(ItemType type) {
		ServiceItem item = item();
		item.setType(type);
		item.setBasicCode(ServiceItemRules.typeLetters(type) + "0040909000");
		assertThatCode(() -> this.rules.check(item)).doesNotThrowAnyException();
		item.setBasicCode((type == ItemType.LICENSING ? "GG" : "XK") + "0040909000");
		assertThat(refusal(item).field()).isEqualTo("input.basicCode");
	}

	@Test
	void everyCertificateTypeNamedMustExist() {
		ServiceItem material = item();
		material.setMaterials(List.of(new Material("结婚证", MaterialForm.ORIGINAL, "MZ-999", true, 1, null)));
		assertThat(refusal(material)).satisfies((refused) -> {
			assertThat(refused.code()).isEqualTo(PlatformError.UNKNOWN_REFERENCE);
			assertThat(refused.field()).isEqualTo("input.materials");
		});
		ServiceItem result = item();
		result.setResultCertificateTypeCode("MZ-999");
		assertThat(refusal(result).field()).isEqualTo("input.resultCertificateType");
		result.setResultCertificateTypeCode("GA-001");
		assertThatCode(() -> this.rules.check(result)).doesNotThrowAnyException();
	}

}
