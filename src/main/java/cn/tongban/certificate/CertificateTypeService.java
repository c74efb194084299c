package cn.tongban.certificate;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * The certificate module's API for certificate types (证照目录). The catalogue of types is small
 * reference data that only seeding changes: it is read once and kept a minute, so item pages and
 * card packs that name types do not query it per request.
 */
@Service
public class CertificateTypeService {

	private final CertificateTypeRepository types;

	private final Cache<String, Map<String, CertificateType>> catalogue = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(1))
		.build();

	CertificateTypeService(CertificateTypeRepository types) {
		this.types = types;
	}

	public List<CertificateType> findAll() {
		return this.types.findAll(Sort.by("_id"));
	}

	/** Unknown codes are simply absent from the map. */
	public Map<String, CertificateType> findByCodes(Collection<String> codes) {
		Map<String, CertificateType> all = all();
		return codes.stream()
			.filter(all::containsKey)
			.distinct()
			.collect(Collectors.toMap(Function.identity(), all::get));
	}

	/** The type with this code from memory, or null. */
	public CertificateType byCode(String code) {
		return (code != null) ? all().get(code) : null;
	}

	private Map<String, CertificateType> all() {
		return this.catalogue.get("all", (key) -> this.types.findAll()
			.stream()
			.collect(Collectors.toUnmodifiableMap(CertificateType::code, Function.identity())));
	}

	public boolean exists(String code) {
		return this.types.existsById(code);
	}

}
