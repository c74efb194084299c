package cn.tongban.catalog;

import java.util.List;
import java.util.Map;

import cn.tongban.certificate.Certificate;
import cn.tongban.platform.graphql.Batches;

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
		return Batches.resolve(certificates, Certificate::issuerDepartmentCode, this.catalog::departmentsByCode);
	}

}
