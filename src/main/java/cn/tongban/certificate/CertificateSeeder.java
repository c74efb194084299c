package cn.tongban.certificate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.tongban.identity.IdentityService;
import cn.tongban.platform.seed.SeedFiles;
import cn.tongban.platform.seed.Seeder;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo certificates (dev seed set only) and integrator purposes. Certificates are sealed here, with the keys of this
 * installation; a certificate already stored is left alone (its status may have changed since).
 */
@Component
class CertificateSeeder implements Seeder {

	private final CertificateRepository certificates;

	private final CertificateTypeRepository types;

	private final PurposeRepository purposes;

	private final IdentityService identity;

	private final Sealer sealer;

	private final MongoTemplate mongo;

	private final Clock clock;

	CertificateSeeder(CertificateRepository certificates, CertificateTypeRepository types, PurposeRepository purposes,
			IdentityService identity, Sealer sealer, MongoTemplate mongo, Clock clock) {
		this.clock = clock;
		this.certificates = certificates;
		this.types = types;
		this.purposes = purposes;
		this.identity = identity;
		this.sealer = sealer;
		this.mongo = mongo;
	}

	@Override
	public int order() {
		return 15;
	}

	@Override
	public void seed(SeedFiles files) {
		files.applyIfPresent("certificate/certificates.json", CertificateSeed.class, this::insertMissing);
		files.applyIfChanged("certificate/purposes.json", Purpose.class, this.purposes::saveAll);
	}

	private void insertMissing(List<CertificateSeed> seeds) {
		List<CertificateSeed> missing = seeds.stream()
			.filter((seed) -> !this.certificates.existsById(Certificate.idFor(seed.number())))
			.toList();
		Map<String, CertificateType> types = new HashMap<>();
		for (CertificateSeed seed : missing) {
			types.computeIfAbsent(seed.typeCode(), (code) -> this.types.findById(code)
				.orElseThrow(() -> new IllegalStateException("Unknown certificate type " + code)));
		}
		this.sealer.prepareKeysFor(types.values().stream().map(CertificateType::issuingDepartmentCode).toList());
		for (CertificateSeed seed : missing) {
			String id = Certificate.idFor(seed.number());
			CertificateType type = types.get(seed.typeCode());
			String holderId = holderId(type.holderKind(), seed.holderIdentifier());
			Certificate certificate = new Certificate(id, seed.number(), type.code(), type.holderKind(), holderId,
					seed.holderIdentifier(), seed.data().get("holderName"), type.issuingDepartmentCode(),
					seed.issuedOn(), seed.validFrom(), seed.validTo(), seed.status(), seed.statusReason(), seed.data(),
					null, null, this.clock.instant(), null);
			this.mongo.insert(this.sealer.seal(certificate));
		}
	}

	private String holderId(CertificateType.HolderKind kind, String identifier) {
		return (kind == CertificateType.HolderKind.PERSON)
				? this.identity.personByIdNumber(identifier).orElseThrow().id()
				: this.identity.enterpriseByCreditCode(identifier).orElseThrow().id();
	}

	record CertificateSeed(String number, String typeCode, String holderIdentifier, LocalDate issuedOn,
			LocalDate validFrom, LocalDate validTo, Certificate.StoredStatus status, String statusReason,
			Map<String, String> data) {
	}

}
