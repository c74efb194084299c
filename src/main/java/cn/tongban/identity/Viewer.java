package cn.tongban.identity;

import java.time.Instant;
import java.util.List;

import cn.tongban.platform.security.Subject;

/** The {@code me} answer: the caller's token facts plus, by kind, their person, enterprise or account. */
public record Viewer(String id, List<String> roles, String clientId, String clientName, List<String> scopes,
		Instant expiresAt, PersonDetails person, EnterpriseDetails enterprise, String staffName,
		String departmentCode, String scenarioCode, String actorName) {

	static Viewer of(Subject subject, String clientName, PersonDetails person, EnterpriseDetails enterprise,
			String staffName, String actorName) {
		return new Viewer(subject.id(), subject.roles().stream().map(Enum::name).sorted().toList(), subject.clientId(),
				clientName, subject.scopes(), subject.expiresAt(), person, enterprise, staffName,
				subject.departmentCode(), subject.scenarioCode(), actorName);
	}

}
