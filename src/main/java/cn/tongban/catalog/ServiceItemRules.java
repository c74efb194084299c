package cn.tongban.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import cn.tongban.certificate.CertificateTypeService;
import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.PlatformError;
import cn.tongban.reference.References;

import org.springframework.stereotype.Component;

/** Checks an edited item against reference data: rules Bean Validation cannot see alone. */
@Component
class ServiceItemRules {

	/** Type letters (XK 许可, JF 给付, QR 确认, GG 公共服务, QT 其他) + department no. + sequence + sub-item. */
	static final String BASIC_CODE = "(XK|JF|QR|GG|QT)\\d{10}";

	private final References references;

	private final CertificateTypeService certificateTypes;

	ServiceItemRules(References references, CertificateTypeService certificateTypes) {
		this.references = references;
		this.certificateTypes = certificateTypes;
	}

	void check(ServiceItem item) {
		if (item.getPromisedTimeLimitDays() > item.getLegalTimeLimitDays()) {
			throw ApiException.onField("input.promisedTimeLimitDays", PlatformError.INVALID_ARGUMENT,
					"承诺时限不能超过法定时限 / promised time limit exceeds the legal one");
		}
		if (!item.getBasicCode().startsWith(typeLetters(item.getType()))) {
			throw ApiException.onField("input.basicCode", PlatformError.INVALID_ARGUMENT,
					"基本编码须以事项类型代码开头 / basic code must start with the type letters " + typeLetters(item.getType()));
		}
		this.references.requireDepartment(item.getDepartmentCode(), "input.department");
		for (String event : item.getLifeEvents()) {
			this.references.requireLifeEvent(event, "input.lifeEvents");
		}
		List<String> certificateCodes = item.getMaterials()
			.stream()
			.map(Material::certificateTypeCode)
			.filter(Objects::nonNull)
			.toList();
		requireCertificateTypes(certificateCodes, "input.materials");
		if (item.getResultCertificateTypeCode() != null) {
			requireCertificateTypes(List.of(item.getResultCertificateTypeCode()), "input.resultCertificateType");
		}
	}

	private void requireCertificateTypes(Collection<String> codes, String field) {
		var known = this.certificateTypes.findByCodes(codes).keySet();
		codes.stream()
			.filter((code) -> !known.contains(code))
			.findFirst()
			.ifPresent((code) -> {
				throw ApiException.onField(field, PlatformError.UNKNOWN_REFERENCE, "证照类型/certificate type", code);
			});
	}

	static String typeLetters(ItemType type) {
		return switch (type) {
			case LICENSING -> "XK";
			case BENEFIT -> "JF";
			case CONFIRMATION -> "QR";
			case PUBLIC_SERVICE -> "GG";
			case OTHER -> "QT";
		};
	}

}
