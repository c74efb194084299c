package cn.tongban.certificate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import cn.tongban.platform.ChinaTime;
import cn.tongban.platform.crypto.Sha256;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An electronic certificate (电子证照) with its seal. {@code holderId} is the person or enterprise id;
 * {@code holderIdentifier} the ID number or credit code printed on it. The stored status is VALID,
 * REVOKED or SUSPENDED; EXPIRED is derived from {@code validTo} when read ({@link #statusOn}), so
 * no batch job has to run at midnight.
 *
 * @param validTo null for certificates valid without limit (长期)
 * @param sourceApplicationId the application (办件) that produced it, when issued on completion
 * @param revocation who revoked it, when and why; null unless revoked by an administrator
 */
@Document("certificates")
@CompoundIndex(name = "holder_type", def = "{'holderId': 1, 'typeCode': 1}")
@CompoundIndex(name = "identifier_type", def = "{'holderIdentifier': 1, 'typeCode': 1}")
public record Certificate(@Id String id, @Indexed(unique = true) String number, String typeCode,
		CertificateType.HolderKind holderKind, String holderId, String holderIdentifier, String holderName,
		String issuerDepartmentCode, LocalDate issuedOn, LocalDate validFrom, LocalDate validTo, StoredStatus status,
		String statusReason, Map<String, String> data, Seal seal, String sourceApplicationId, Instant createdAt,
		Revocation revocation) {

	static final ZoneId CHINA = ChinaTime.ZONE;

	/** A stable id derived from what identifies the certificate (its number, or application + type); reveals nothing. */
	static String idFor(String key) {
		return "crt_" + Sha256.hex("tongban-cert:" + key).substring(0, 20);
	}

	public CertificateStatus statusOn(LocalDate day) {
		return switch (this.status) {
			case REVOKED -> CertificateStatus.REVOKED;
			case SUSPENDED -> CertificateStatus.SUSPENDED;
			case VALID -> (this.validTo != null && day.isAfter(this.validTo)) ? CertificateStatus.EXPIRED
					: CertificateStatus.VALID;
		};
	}

	/** The status today in China by this clock. */
	public CertificateStatus statusAt(Clock clock) {
		return statusOn(LocalDate.now(clock.withZone(CHINA)));
	}

	Certificate withSeal(Seal newSeal) {
		return new Certificate(this.id, this.number, this.typeCode, this.holderKind, this.holderId,
				this.holderIdentifier, this.holderName, this.issuerDepartmentCode, this.issuedOn, this.validFrom,
				this.validTo, this.status, this.statusReason, this.data, newSeal, this.sourceApplicationId,
				this.createdAt, this.revocation);
	}

	/** Who revoked (注销) the certificate, when and why: an administrator's act is accountable. */
	public record Revocation(String by, Instant at, String reason) {
	}

	/** What is stored; see {@link CertificateStatus} for what is shown. */
	public enum StoredStatus {

		VALID, REVOKED, SUSPENDED

	}

	/**
	 * The issuer's seal (电子印章): SM3withSM2 signature over {@link SealedPayload} of the certificate.
	 *
	 * @param signature base64 (DER-encoded SM2 signature)
	 */
	public record Seal(String keyId, String algorithm, String signature, Instant sealedAt) {
	}

}
