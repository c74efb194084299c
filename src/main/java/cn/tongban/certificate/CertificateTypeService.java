package cn.tongban.certificate;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** The certificate module's API for certificate types (证照目录). */
@Service
public class CertificateTypeService {

	private final CertificateTypeRepository types;

	CertificateTypeService(CertificateTypeRepository types) {
		this.types = types;
	}

	public List<CertificateType> findAll() {
		return this.types.findAll(Sort.by("_id"));
	}

	/** One round trip for any number of codes; unknown codes are simply absent from the map. */
	public Map<String, CertificateType> findByCodes(Collection<String> codes) {
		return this.types.findAllById(codes)
			.stream()
			.collect(Collectors.toMap(CertificateType::code, Function.identity()));
	}

	public boolean exists(String code) {
		return this.types.existsById(code);
	}

}
