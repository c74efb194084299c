package cn.tongban.certificate;

import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.ErrorCode;
import cn.tongban.platform.security.Role;
import cn.tongban.platform.security.Subject;

/** Whose certificates a caller holds: a resident their own, an enterprise agent the enterprise's. */
final class Holder {

	private Holder() {
	}

	static String idOf(Subject subject) {
		if (subject != null && subject.has(Role.ENTERPRISE) && subject.enterpriseId() != null) {
			return subject.enterpriseId();
		}
		if (subject != null && subject.has(Role.RESIDENT)) {
			return subject.id();
		}
		throw new ApiException(ErrorCode.NOT_A_HOLDER);
	}

}
