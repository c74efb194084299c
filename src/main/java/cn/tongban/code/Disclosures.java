package cn.tongban.code;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.tongban.catalog.Material;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.certificate.Certificate;
import cn.tongban.certificate.CertificateService;
import cn.tongban.identity.EnterpriseDetails;
import cn.tongban.identity.IdentityService;
import cn.tongban.identity.PersonDetails;
import cn.tongban.platform.ChinaTime;
import cn.tongban.platform.privacy.Masking;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/** What an accepted scan tells the terminal: only what its scenario discloses (最小必要). */
@Component
class Disclosures {

	/** 图书馆读者证: a valid one makes the library scenario's card status ACTIVE. */
	static final String LIBRARY_CARD = "WL-001";

	/** 残疾人证: its holder rides and enters at the disabled fare. */
	private static final String DISABILITY_CARD = "CL-001";

	/** 医保电子凭证: its insurance type is the medical-insurance disclosure. */
	private static final String MEDICAL_INSURANCE_CARD = "YB-001";

	private final IdentityService identity;

	private final CertificateService certificates;

	private final Clock clock;

	/**
	 * What scans disclose about a person changes rarely (name, age, a disability or insurance
	 * certificate), and a bus reader scans the same commuters all day: kept one minute, so a
	 * revoked certificate stops counting within a minute. Revocation of the code itself is always
	 * checked live.
	 */
	private final Cache<String, HolderFacts> facts = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(Duration.ofMinutes(1))
		.build();

	Disclosures(IdentityService identity, CertificateService certificates, Clock clock) {
		this.identity = identity;
		this.certificates = certificates;
		this.clock = clock;
	}

	/**
	 * The scenario's disclosures about the code's holder; {@code item} is the counter's service item
	 * when the scenario discloses its certificates (each disclosure is logged in the holder's usage log).
	 */
	ScanResult disclose(Scenario scenario, CodeFormat.Parsed code, String holderId, ScanBook book, ServiceItem item) {
		ScanResult.Builder result = new ScanResult.Builder(scenario.code(), code.issuerId(), code.kind(),
				code.expiresAt(), scenario.disclose());
		if (code.kind() == HolderKind.ENTERPRISE) {
			EnterpriseDetails enterprise = this.identity.enterprise(holderId).orElseThrow();
			for (Disclosure disclosure : scenario.disclose()) {
				switch (disclosure) {
					case NAME, MASKED_NAME -> result.name(enterprise.name());
					case CERTIFICATES_FOR_ITEM -> result.certificates(counterCertificates(holderId, book, item));
					default -> {
					}
				}
			}
			return result.build();
		}
		HolderFacts holder = this.facts.get(holderId, this::holderFacts);
		PersonDetails person = holder.person();
		for (Disclosure disclosure : scenario.disclose()) {
			switch (disclosure) {
				case NAME -> result.name(person.name());
				case MASKED_NAME -> result.maskedName(Masking.name(person.name()));
				case MASKED_ID_NUMBER -> result.maskedIdNumber(Masking.idNumber(person.idNumber()));
				case FARE_CATEGORY -> result.fareCategory(holder.fareCategory());
				case CERTIFICATES_FOR_ITEM -> result.certificates(counterCertificates(holderId, book, item));
				case MEDICAL_INSURANCE -> result.medicalInsurance(holder.medicalInsurance());
				case LIBRARY_CARD_STATUS -> result.libraryCardStatus(holder.libraryCardStatus());
				case RESIDENT_OF_DISTRICT -> result.residentOfDistrict(person.regionCode().equals(scenario.districtCode()));
			}
		}
		return result.build();
	}

	private List<Certificate> counterCertificates(String holderId, ScanBook book, ServiceItem item) {
		List<String> types = item.getMaterials()
			.stream()
			.map(Material::certificateTypeCode)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		return this.certificates.discloseForService(holderId, book.terminal().clientId(), book.terminalName(),
				item.getCode(), item.getName(), types);
	}

	/**
	 * The person and what their certificates say for scans: 老年人 (65+) and 残疾人 (valid 残疾人证)
	 * ride and enter free or reduced, everyone else pays full; the medical insurance type, if any;
	 * the library's own record, the reader card in the holder's card pack.
	 */
	private HolderFacts holderFacts(String personId) {
		PersonDetails person = this.identity.person(personId).orElseThrow();
		Map<String, Certificate> held = this.certificates.validByType(personId,
				List.of(DISABILITY_CARD, MEDICAL_INSURANCE_CARD, LIBRARY_CARD));
		int age = Period.between(person.birthDate(), LocalDate.now(this.clock.withZone(ChinaTime.ZONE))).getYears();
		String fare = held.containsKey(DISABILITY_CARD) ? "DISABLED" : (age >= 65) ? "SENIOR" : "ADULT";
		Certificate insurance = held.get(MEDICAL_INSURANCE_CARD);
		String insured = (insurance == null) ? "未参保" : insurance.data().getOrDefault("insuranceType", "已参保");
		String libraryCard = held.containsKey(LIBRARY_CARD) ? "ACTIVE" : "NOT_REGISTERED";
		return new HolderFacts(person, fare, insured, libraryCard);
	}

	private record HolderFacts(PersonDetails person, String fareCategory, String medicalInsurance,
			String libraryCardStatus) {
	}

}
