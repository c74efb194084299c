package cn.tongban.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.tongban.application.Application.Action;
import cn.tongban.application.Application.EventType;
import cn.tongban.application.Application.Status;
import cn.tongban.application.Application.Task;
import cn.tongban.application.Application.TaskStatus;
import cn.tongban.platform.graphql.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The application's status from its tasks, and which staff action may move a task from where: no Spring. */
class ApplicationRulesTests {

	private static List<Task> tasks(TaskStatus... statuses) {
		return Arrays.stream(statuses)
			.map((status) -> new Task("t", "370202QR0020001000", "失业登记", "RS", status, null, null, Instant.EPOCH, null, null))
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
			.containsExactlyInAnyOrder(EventType.TASK_ACCEPTED, EventType.SUPPLEMENT_REQUESTED, EventType.TASK_APPROVED,
					EventType.TASK_REJECTED);
		assertThat(Action.APPROVE.to()).isEqualTo(TaskStatus.APPROVED);
	}

	private static Application application(TaskStatus... statuses) {
		List<Task> tasks = new ArrayList<>();
		for (int i = 0; i < statuses.length; i++) {
			tasks.add(new Task("t" + (i + 1), "370202QR0020001000", "失业登记", (i == 0) ? "RS" : "YB", statuses[i], null, null,
					Instant.EPOCH, null, null));
		}
		return new Application("app_1", "p1", "张伟", null, "p1", null, "370202QR0020001000", "失业登记", null, Map.of(),
				Map.of(), List.of(), tasks, Application.statusOf(tasks), List.of(), null, false, false, List.of(), Instant.EPOCH,
				Instant.EPOCH, null, 3);
	}

	private static Application submitted(TaskStatus... statuses) {
		Instant at = Instant.parse("2026-12-03T02:00:00Z");
		return Application.submitted("app_2", new Application.Applicant("p1", "张伟", "370202199003071234", "p1"),
				new Application.Matter(null, "370202QR0020001000", "失业登记", "fp"),
				new FormValidator.Validated(Map.of("name", "张伟"), Map.of("name", "PROFILE:name")), List.of(),
				tasks(statuses), List.of(), false, at);
	}

	@Test
	void aSubmittedApplicationStartsUnreviewedAtVersionZeroWithItsStatusFromItsTasks() {
		Application pending = submitted(TaskStatus.PENDING);
		assertThat(pending.status()).isEqualTo(Status.SUBMITTED);
		assertThat(pending.version()).isZero();
		assertThat(pending.review()).isNull();
		assertThat(pending.issuedCertificateIds()).isEmpty();
		assertThat(pending.submittedAt()).isEqualTo(pending.updatedAt());
		assertThat(pending.completedAt()).isNull();
		assertThat(pending.certificatesPending()).isFalse();
		assertThat(pending.formSources()).containsEntry("name", "PROFILE:name");
	}

	@Test
	void oneApprovedByRulesAtSubmissionIsCompletedAndAwaitsItsCertificates() {
		Application approved = submitted(TaskStatus.APPROVED);
		assertThat(approved.status()).isEqualTo(Status.COMPLETED);
		assertThat(approved.completedAt()).isEqualTo(approved.submittedAt());
		assertThat(approved.certificatesPending()).isTrue();
	}

	@Test
	void anAcceptedTaskMovesAndTheEventNamesWhoAndWhen() {
		Instant at = Instant.parse("2026-12-02T09:00:00Z");
		Application.Transition accepted = application(TaskStatus.PENDING, TaskStatus.PENDING).act(Action.ACCEPT, "t1",
				"staff-rs", null, at);
		assertThat(accepted.tasks()).extracting(Task::status).containsExactly(TaskStatus.ACCEPTED, TaskStatus.PENDING);
		assertThat(accepted.tasks().get(0).actor()).isEqualTo("staff-rs");
		assertThat(accepted.status()).isEqualTo(Status.IN_PROGRESS);
		assertThat(accepted.event()).isEqualTo(new Application.Event(at, EventType.TASK_ACCEPTED, "t1", "RS", "staff-rs", null));

		Application.Transition completed = application(TaskStatus.ACCEPTED, TaskStatus.APPROVED).act(Action.APPROVE, "t1",
				"staff-rs", null, at);
		assertThat(completed.status()).isEqualTo(Status.COMPLETED);
	}

	@Test
	void aStepTheTaskCannotTakeOrAClosedApplicationIsRefused() {
		assertThat(refusal(() -> application(TaskStatus.PENDING).act(Action.APPROVE, "t1", "s", null, Instant.EPOCH)))
			.isEqualTo("ILLEGAL_TRANSITION");
		assertThat(refusal(() -> application(TaskStatus.REJECTED, TaskStatus.PENDING).act(Action.ACCEPT, "t2", "s", null,
				Instant.EPOCH))).as("a rejected application is closed").isEqualTo("ILLEGAL_TRANSITION");
		assertThat(refusal(() -> application(TaskStatus.PENDING).act(Action.ACCEPT, "t9", "s", null, Instant.EPOCH)))
			.isEqualTo("INVALID_ARGUMENT");
	}

	@Test
	void aSupplementRequestOrARejectionNeedsAReason() {
		assertThat(refusal(() -> application(TaskStatus.ACCEPTED).act(Action.REJECT, "t1", "s", "  ", Instant.EPOCH)))
			.isEqualTo("INVALID_ARGUMENT");
		assertThat(application(TaskStatus.ACCEPTED).act(Action.REJECT, "t1", "s", "材料不全", Instant.EPOCH).status())
			.isEqualTo(Status.REJECTED);
	}

	@Test
	void onlyCompletionAndRejectionCloseAnApplication() {
		assertThat(EventType.closing(Status.COMPLETED)).isEqualTo(EventType.COMPLETED);
		assertThat(EventType.closing(Status.REJECTED)).isEqualTo(EventType.REJECTED);
		assertThatThrownBy(() -> EventType.closing(Status.IN_PROGRESS)).isInstanceOf(IllegalArgumentException.class);
	}

	private static String refusal(Runnable action) {
		return catchThrowableOfType(ApiException.class, action::run).code().name();
	}

}
