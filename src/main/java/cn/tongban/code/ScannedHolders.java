package cn.tongban.code;

import cn.tongban.identity.IdentityService;
import cn.tongban.platform.security.Subject;

import org.springframework.stereotype.Service;

/**
 * For modules that act on a resident code scanned by their own terminals (a hall's check-in kiosk,
 * scenario HALL_CHECK_IN): the code is verified like {@code scanCode} (signature, expiry,
 * revocation, the terminal's scenario) and the scan recorded in the holder's scan history; the
 * caller gets the holder's id to act on and must not disclose anything about them to the terminal.
 */
@Service
public class ScannedHolders {

	private final CodeScanner codes;

	private final IdentityService identity;

	ScannedHolders(CodeScanner codes, IdentityService identity) {
		this.codes = codes;
		this.identity = identity;
	}

	/** The holder of a person's code scanned by {@code terminal}; refusals are the scan's own (CODE_EXPIRED, …). */
	public String holderOf(Subject terminal, String codeText) {
		return this.codes.holderOfScan(terminal, this.identity.clientName(terminal.clientId()), codeText);
	}

}
