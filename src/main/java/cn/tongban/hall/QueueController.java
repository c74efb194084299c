package cn.tongban.hall;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.PlatformError;
import cn.tongban.platform.security.Subject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

import reactor.core.publisher.Flux;

/** 叫号: kiosks check residents in and issue tickets, windows call them, residents follow their ticket. */
@Controller
class QueueController {

	static final String KIOSKS = "hasRole('TERMINAL')";

	static final String WINDOWS = "hasAnyRole('STAFF', 'ADMIN')";

	/** How often a followed ticket is looked at; a subscription ends once the ticket is no longer waiting. */
	static final Duration FOLLOW_EVERY = Duration.ofSeconds(2);

	private final Queue queue;

	private final HallDirectory directory;

	QueueController(Queue queue, HallDirectory directory) {
		this.queue = queue;
		this.directory = directory;
	}

	@MutationMapping
	@PreAuthorize(KIOSKS)
	TicketPayload checkInAppointment(@Argument @Valid CheckInInput input, Authentication caller) {
		Subject kiosk = Subject.from(caller);
		if ((input.appointmentNumber() == null) == (input.code() == null)) {
			throw ApiException.onField("input", PlatformError.INVALID_ARGUMENT, "give either appointmentNumber or code");
		}
		return new TicketPayload((input.code() != null) ? this.queue.checkInByCode(kiosk, input.code())
				: this.queue.checkInByNumber(kiosk, input.appointmentNumber()));
	}

	@MutationMapping
	@PreAuthorize(KIOSKS)
	TicketPayload takeQueueTicket(@Argument @Valid WalkInInput input, Authentication caller) {
		return new TicketPayload(this.queue.takeWalkIn(Subject.from(caller), input.windowGroup()));
	}

	@MutationMapping
	@PreAuthorize(WINDOWS)
	TicketPayload callNextTicket(@Argument @Valid CallInput input, Authentication caller) {
		return new TicketPayload(this.queue.callNext(Subject.from(caller), input.hall(), input.windowGroup(), input.window()));
	}

	@MutationMapping
	@PreAuthorize(WINDOWS)
	TicketPayload recallTicket(@Argument @Valid TicketInput input, Authentication caller) {
		return new TicketPayload(this.queue.recall(Subject.from(caller), input.hall(), input.windowGroup(), input.number()));
	}

	@MutationMapping
	@PreAuthorize(WINDOWS)
	TicketPayload markTicketNoShow(@Argument @Valid TicketInput input, Authentication caller) {
		return new TicketPayload(this.queue.markNoShow(Subject.from(caller), input.hall(), input.windowGroup(), input.number()));
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	Queue.TicketView queueTicket(@Argument @NotBlank @Size(max = 200) String id) {
		return this.queue.ticket(id);
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	List<Queue.GroupQueue> hallQueue(@Argument @NotBlank @Size(max = 20) String hall) {
		return this.queue.today(hall);
	}

	@SubscriptionMapping
	@PreAuthorize("permitAll()")
	Flux<Queue.TicketView> queueTicketUpdates(@Argument @NotBlank @Size(max = 200) String id) {
		Queue.TicketView first = this.queue.ticket(id);
		return Flux.concat(Flux.just(first), Flux.interval(FOLLOW_EVERY).map((tick) -> this.queue.ticket(id)))
			.distinctUntilChanged((ticket) -> Objects.hash(ticket.status(), ticket.peopleAhead(), ticket.window()))
			.takeUntil((ticket) -> ticket.status() != QueueDay.Ticket.Status.WAITING);
	}

	@SchemaMapping(typeName = "QueueTicket")
	ServiceHall hall(Queue.TicketView ticket) {
		return this.directory.hall(ticket.hallCode()).orElse(null);
	}

	@SchemaMapping(typeName = "QueueTicket")
	WindowGroup windowGroup(Queue.TicketView ticket) {
		return this.directory.hall(ticket.hallCode()).map((h) -> h.windowGroup(ticket.windowGroup())).orElse(null);
	}

	record CheckInInput(@Pattern(regexp = "\\d{8}") String appointmentNumber, @Size(min = 1, max = 512) String code) {
	}

	record WalkInInput(@NotBlank @Pattern(regexp = "[A-Z]") String windowGroup) {
	}

	record CallInput(@NotBlank @Size(max = 20) String hall, @NotBlank @Pattern(regexp = "[A-Z]") String windowGroup,
			@NotBlank @Size(max = 10) String window) {
	}

	record TicketInput(@NotBlank @Size(max = 20) String hall, @NotBlank @Pattern(regexp = "[A-Z]") String windowGroup,
			@NotBlank @Pattern(regexp = "[A-Z]\\d{3}") String number) {
	}

	record TicketPayload(Queue.TicketView ticket) {
	}

}
