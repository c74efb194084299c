package cn.tongban.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.tongban.certificate.Certificate;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** {@code Certificate.issuer}: the catalogue owns departments (the certificate module must not depend on it). */
@Controller
class CertificateIssuerController {

	private final CatalogService catalog;

	CertificateIssuerController(CatalogService catalog) {
		this.catalog = catalog;
	}

	@BatchMapping(typeName = "Certificate", field = "issuer")
	Map<Certificate, Department> issuer(List<Certificate> certificates) {
		Map<String, Department> byCode = this.catalog
			.departmentsByCode(certificates.stream().map(Certificate::issuerDepartmentCode).distinct().toList());
		Map<Certificate, Department> result = new LinkedHashMap<>();
		certificates.forEach((certificate) -> result.put(certificate, byCode.get(certificate.issuerDepartmentCode())));
		return result;
	}

}
