package cn.tongban.identity;

import java.util.List;

/** An enterprise's registration data (public register information) and who may act for it. */
public record EnterpriseDetails(String id, String name, String creditCode, String regionCode,
		String legalRepresentativeId, List<String> agentIds, String businessScope) {

	static EnterpriseDetails of(Enterprise enterprise) {
		return new EnterpriseDetails(enterprise.id(), enterprise.name(), enterprise.creditCode(),
				enterprise.regionCode(), enterprise.legalRepresentativeId(), List.copyOf(enterprise.agentIds()),
				enterprise.businessScope());
	}

}
