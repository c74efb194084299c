package cn.tongban.certificate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a certificate's status reads as: derived from its stored status and the day in China. No Spring. */
class CertificateStatusTests {

	private static final LocalDate VALID_TO = LocalDate.parse("2026-12-31");

	private static Certificate certificate(Certificate.StoredStatus status, LocalDate validTo) {
		return new Certificate("c1", "N-1", "GA-001", CertificateType.HolderKind.PERSON, "p1", "370202199001011234",
				"张伟", "GA", LocalDate.parse("2016-12-31"), LocalDate.parse("2016-12-31"), validTo, status, null,
				Map.of(), null, null, Instant.EPOCH, null);
	}

	private static Clock at(String instant) {
		return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
	}

	@Test
	void aCertificateIsValidThroughItsLastDayInChinaAndExpiredFromTheNextMidnight() {
		Certificate certificate = certificate(Certificate.StoredStatus.VALID, VALID_TO);
		// 2026-12-31 23:59:59 in China
		assertThat(certificate.statusAt(at("2026-12-31T15:59:59Z"))).isEqualTo(CertificateStatus.VALID);
		// 2027-01-01 00:00 in China, still 2026-12-31 in UTC
		assertThat(certificate.statusAt(at("2026-12-31T16:00:00Z"))).isEqualTo(CertificateStatus.EXPIRED);
	}

	@Test
	void aCertificateWithoutEndNeverExpires() {
		assertThat(certificate(Certificate.StoredStatus.VALID, null).statusAt(at("2099-01-01T00:00:00Z")))
			.isEqualTo(CertificateStatus.VALID);
	}

	@Test
	void revokedAndSuspendedStayWhatTheyAreWhateverTheDay() {
		assertThat(certificate(Certificate.StoredStatus.REVOKED, VALID_TO).statusAt(at("2020-01-01T00:00:00Z")))
			.isEqualTo(CertificateStatus.REVOKED);
		assertThat(certificate(Certificate.StoredStatus.SUSPENDED, VALID_TO).statusAt(at("2030-01-01T00:00:00Z")))
			.isEqualTo(CertificateStatus.SUSPENDED);
	}

}
