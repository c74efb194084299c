package cn.tongban.catalog;

import cn.tongban.certificate.Certificate;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code Certificate.issuer}: the catalogue owns departments (the certificate module must not depend on it). */
@Controller
class CertificateIssuerController {

	private final CatalogService catalog;

	CertificateIssuerController(CatalogService catalog) {
		this.catalog = catalog;
	}

	/** From the in-memory reference data: a DataLoader per request cost more than the lookup. */
	@SchemaMapping(typeName = "Certificate", field = "issuer")
	Department issuer(Certificate certificate) {
		return this.catalog.department(certificate.issuerDepartmentCode());
	}

}
