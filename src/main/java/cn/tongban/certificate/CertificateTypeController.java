package cn.tongban.certificate;

import java.util.List;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
class CertificateTypeController {

	private final CertificateTypeService types;

	CertificateTypeController(CertificateTypeService types) {
		this.types = types;
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	List<CertificateType> certificateTypes() {
		return this.types.findAll();
	}

}
