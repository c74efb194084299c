package cn.tongban.application;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import cn.tongban.application.Application.Status;
import cn.tongban.application.Application.Task;
import cn.tongban.application.Application.TaskStatus;
import cn.tongban.application.ApplicationService.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's status from its tasks, and which staff action may move a task from where: no Spring. */
class ApplicationRulesTests {

	private static List<Task> tasks(TaskStatus... statuses) {
		return Arrays.stream(statuses)
			.map((status) -> new Task("t", "370202QR0020001000", "失业登记", "RS", status, null, null, Instant.EPOCH, null))
			.toList();
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({ "PENDING, SUBMITTED", "PENDING PENDING, SUBMITTED", "ACCEPTED, IN_PROGRESS",
			"PENDING ACCEPTED, IN_PROGRESS", "APPROVED PENDING, IN_PROGRESS", "APPROVED, COMPLETED",
			"APPROVED APPROVED, COMPLETED", "SUPPLEMENT_REQUESTED, SUPPLEMENT_REQUIRED",
			"APPROVED SUPPLEMENT_REQUESTED, SUPPLEMENT_REQUIRED", "REJECTED, REJECTED",
			"APPROVED REJECTED, REJECTED", "SUPPLEMENT_REQUESTED REJECTED, REJECTED" })
	void theStatusFollowsFromTheTasks(String taskStatuses, Status expected) {
		TaskStatus[] statuses = Arrays.stream(taskStatuses.split(" ")).map(TaskStatus::valueOf).toArray(TaskStatus[]::new);
		assertThat(Application.statusOf(tasks(statuses))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} from {1}: {2}")
	@CsvSource({ "ACCEPT, PENDING, true", "ACCEPT, ACCEPTED, false", "ACCEPT, SUPPLEMENT_REQUESTED, false",
			"ACCEPT, APPROVED, false", "REQUEST_SUPPLEMENT, PENDING, true", "REQUEST_SUPPLEMENT, ACCEPTED, true",
			"REQUEST_SUPPLEMENT, SUPPLEMENT_REQUESTED, false", "APPROVE, ACCEPTED, true", "APPROVE, PENDING, false",
			"APPROVE, SUPPLEMENT_REQUESTED, false", "APPROVE, APPROVED, false", "REJECT, PENDING, true",
			"REJECT, ACCEPTED, true", "REJECT, APPROVED, false", "REJECT, REJECTED, false" })
	void aStaffActionMovesATaskOnlyFromTheStatusesItAllows(Action action, TaskStatus from, boolean allowed) {
		assertThat(action.allows(from)).isEqualTo(allowed);
	}

	@Test
	void refusalsAndSupplementsNeedAReasonAndEachActionRecordsItsOwnEvent() {
		assertThat(Arrays.stream(Action.values()).filter(Action::needsReason)).containsExactlyInAnyOrder(
				Action.REQUEST_SUPPLEMENT, Action.REJECT);
		assertThat(Arrays.stream(Action.values()).map(Action::eventType)).doesNotHaveDuplicates()
			.containsExactlyInAnyOrder("TASK_ACCEPTED", "SUPPLEMENT_REQUESTED", "TASK_APPROVED", "TASK_REJECTED");
		assertThat(Action.APPROVE.to()).isEqualTo(TaskStatus.APPROVED);
	}

}
