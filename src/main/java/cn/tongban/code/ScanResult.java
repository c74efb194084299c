package cn.tongban.code;

import java.time.Instant;
import java.util.List;

import cn.tongban.certificate.Certificate;

/** What a terminal learns from a good scan: only the scenario's disclosures are set. */
record ScanResult(String scenarioCode, String issuerId, HolderKind holderKind, Instant expiresAt,
		List<Disclosure> disclosed, String name, String maskedName, String maskedIdNumber, String fareCategory,
		List<Certificate> certificates, String medicalInsurance, String libraryCardStatus, Boolean residentOfDistrict) {

	/** {@link #fareCategory()} under the schema's name for it ({@code ScanResult.fare}). */
	public String fare() {
		return this.fareCategory;
	}

	/** {@link #libraryCardStatus()} under the schema's name for it ({@code ScanResult.libraryCard}). */
	public String libraryCard() {
		return this.libraryCardStatus;
	}

	static final class Builder {

		private final String scenarioCode;

		private final String issuerId;

		private final HolderKind holderKind;

		private final Instant expiresAt;

		private final List<Disclosure> disclosed;

		private String name;

		private String maskedName;

		private String maskedIdNumber;

		private String fareCategory;

		private List<Certificate> certificates;

		private String medicalInsurance;

		private String libraryCardStatus;

		private Boolean residentOfDistrict;

		Builder(String scenarioCode, String issuerId, HolderKind holderKind, Instant expiresAt,
				List<Disclosure> disclosed) {
			this.scenarioCode = scenarioCode;
			this.issuerId = issuerId;
			this.holderKind = holderKind;
			this.expiresAt = expiresAt;
			this.disclosed = disclosed;
		}

		Builder name(String value) {
			this.name = value;
			return this;
		}

		Builder maskedName(String value) {
			this.maskedName = value;
			return this;
		}

		Builder maskedIdNumber(String value) {
			this.maskedIdNumber = value;
			return this;
		}

		Builder fareCategory(String value) {
			this.fareCategory = value;
			return this;
		}

		Builder certificates(List<Certificate> value) {
			this.certificates = value;
			return this;
		}

		Builder medicalInsurance(String value) {
			this.medicalInsurance = value;
			return this;
		}

		Builder libraryCardStatus(String value) {
			this.libraryCardStatus = value;
			return this;
		}

		Builder residentOfDistrict(Boolean value) {
			this.residentOfDistrict = value;
			return this;
		}

		ScanResult build() {
			return new ScanResult(this.scenarioCode, this.issuerId, this.holderKind, this.expiresAt, this.disclosed,
				this.name, this.maskedName, this.maskedIdNumber, this.fareCategory, this.certificates,
				this.medicalInsurance, this.libraryCardStatus, this.residentOfDistrict);
		}

	}

}
