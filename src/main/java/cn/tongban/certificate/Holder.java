package cn.tongban.certificate;

import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.security.Subject;

/** Whose certificates a caller holds: a resident their own, an enterprise agent the enterprise's. */
final class Holder {

	private Holder() {
	}

	static String idOf(Subject subject) {
		String holderId = (subject != null) ? subject.holderId() : null;
		if (holderId == null) {
			throw new ApiException(CertificateError.NOT_A_HOLDER);
		}
		return holderId;
	}

}
