package cn.tongban.code;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One scan, accepted or not (扫码记录): terminal, scenario, time, result (ACCEPTED or the refusal
 * code). {@code holderId} is known once the code's holder could be resolved.
 */
@Document("code_scans")
@CompoundIndex(name = "holder_at", def = "{'holderId': 1, 'at': -1}")
record ScanRecord(@Id String id, Instant at, String terminalClientId, String terminalName, String scenarioCode,
		String issuerId, String holderId, String result) {

	/** {@link #result()} of an accepted scan; a refused one holds the refusal's error code. */
	static final String ACCEPTED = "ACCEPTED";

	public boolean accepted() {
		return ACCEPTED.equals(this.result);
	}

	/** The refusal's error code; null when accepted. */
	public String code() {
		return accepted() ? null : this.result;
	}

}
