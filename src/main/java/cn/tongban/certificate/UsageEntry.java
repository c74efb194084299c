package cn.tongban.certificate;

import java.time.Instant;

import cn.tongban.platform.crypto.Sm3;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One access to a holder's certificates by someone else (用证记录). Entries form a hash chain per
 * holder: {@code id} is holder + sequence, so two writers can never both append entry n, and
 * {@code hash} covers the previous entry's hash, so removing or changing an entry breaks the chain.
 *
 * @param accessor client id of the integrator or terminal
 * @param result ALLOWED or DENIED
 */
@Document("certificate_usage")
@CompoundIndex(name = "holder_sequence", def = "{'holderId': 1, 'sequence': -1}")
@CompoundIndex(name = "certificate_result", def = "{'certificateId': 1, 'result': 1}")
record UsageEntry(@Id String id, String holderId, long sequence, Instant at, String accessor,
		String accessorName, String purposeCode, String purposeName, String certificateId, String certificateNumber,
		String certificateTypeCode, Result result, String reason, String previousHash, String hash) {

	static final String GENESIS = "0".repeat(64);

	static String idFor(String holderId, long sequence) {
		return holderId + ":" + String.format("%012d", sequence);
	}

	/** This draft as entry {@code sequence} of its holder's chain, after {@code previous}, hashed (SM3). */
	UsageEntry chainedAfter(String previous, long sequence, Instant at) {
		UsageEntry unhashed = new UsageEntry(idFor(this.holderId, sequence), this.holderId, sequence, at, this.accessor,
				this.accessorName, this.purposeCode, this.purposeName, this.certificateId, this.certificateNumber,
				this.certificateTypeCode, this.result, this.reason, previous, null);
		return new UsageEntry(unhashed.id, this.holderId, sequence, at, this.accessor, this.accessorName,
				this.purposeCode, this.purposeName, this.certificateId, this.certificateNumber, this.certificateTypeCode,
				this.result, this.reason, previous, Sm3.hex(unhashed.chainedText()));
	}

	/** The text the hash covers: every field but the hash itself, in a fixed order. */
	String chainedText() {
		return String.join("|", "v1", this.previousHash, this.holderId, Long.toString(this.sequence),
				Long.toString(this.at.toEpochMilli()), nz(this.accessor), nz(this.purposeCode),
				nz(this.certificateNumber), nz(this.certificateTypeCode), this.result.name(), nz(this.reason));
	}

	private static String nz(String value) {
		return (value != null) ? value : "";
	}

	enum Result {

		ALLOWED, DENIED

	}

}
