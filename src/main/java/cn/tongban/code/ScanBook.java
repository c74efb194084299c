package cn.tongban.code;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.ErrorCode;
import cn.tongban.platform.security.Subject;

/**
 * The scan records of one terminal request: every scan is recorded, accepted or refused, and the
 * records are written together (by {@link ScanRecords}) before the terminal gets its answer.
 */
final class ScanBook {

	private final Subject terminal;

	private final String terminalName;

	private final Clock clock;

	private final List<ScanRecord> records;

	ScanBook(Subject terminal, String terminalName, Clock clock, int expected) {
		this.terminal = terminal;
		this.terminalName = terminalName;
		this.clock = clock;
		this.records = new ArrayList<>(expected);
	}

	Subject terminal() {
		return this.terminal;
	}

	String terminalName() {
		return this.terminalName;
	}

	/** Records a refused scan; the refusal to throw or to report, on {@code input.code}. */
	ApiException refuse(String scenarioCode, String issuerId, String holderId, ErrorCode code) {
		add(scenarioCode, issuerId, holderId, code.name());
		return ApiException.onField("input.code", code);
	}

	void accepted(String scenarioCode, String issuerId, String holderId) {
		add(scenarioCode, issuerId, holderId, ScanRecord.ACCEPTED);
	}

	List<ScanRecord> records() {
		return this.records;
	}

	private void add(String scenarioCode, String issuerId, String holderId, String result) {
		this.records.add(new ScanRecord(UUID.randomUUID().toString(), this.clock.instant(), this.terminal.clientId(),
				this.terminalName, scenarioCode, issuerId, holderId, result));
	}

}
