package cn.tongban.hall;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.tongban.platform.security.Delegated;
import cn.tongban.catalog.CatalogError;
import cn.tongban.catalog.CatalogService;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.security.Subject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/** 预约: a hall's slots, and a person's appointments. */
@Controller
class AppointmentController {

	static final String APP_USERS = "hasAnyRole('RESIDENT', 'ENTERPRISE') or " + Delegated.APPLICATIONS;

	private final Appointments appointments;

	private final HallDirectory directory;

	private final CatalogService catalog;

	AppointmentController(Appointments appointments, HallDirectory directory, CatalogService catalog) {
		this.appointments = appointments;
		this.directory = directory;
		this.catalog = catalog;
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	List<Appointments.Slot> appointmentSlots(@Argument @NotBlank @Size(max = 20) String hall,
			@Argument @NotBlank @Size(max = 1) String windowGroup, @Argument LocalDate from,
			@Argument @NotNull @Min(1) @Max(8) Integer days) {
		return this.appointments.slots(hall, windowGroup, from, days);
	}

	@QueryMapping
	@PreAuthorize(APP_USERS)
	List<Appointments.Appointment> myAppointments(Authentication caller) {
		return this.appointments.open(Subject.from(caller).id());
	}

	@MutationMapping
	@PreAuthorize(APP_USERS)
	Payload bookAppointment(@Argument @Valid BookInput input, Authentication caller) {
		if (input.item() != null && this.catalog.findItem(input.item()).isEmpty()) {
			throw ApiException.onField("input.item", CatalogError.ITEM_NOT_FOUND, input.item());
		}
		return new Payload(this.appointments.book(Subject.from(caller).id(), input.hall(), input.windowGroup(),
				input.startsAt(), input.item(), input.idempotencyKey()));
	}

	@MutationMapping
	@PreAuthorize(APP_USERS)
	Payload rescheduleAppointment(@Argument @Valid RescheduleInput input, Authentication caller) {
		return new Payload(this.appointments.reschedule(Subject.from(caller).id(), input.appointmentId(), input.startsAt()));
	}

	@MutationMapping
	@PreAuthorize(APP_USERS)
	Payload cancelAppointment(@Argument @Valid CancelInput input, Authentication caller) {
		return new Payload(this.appointments.cancel(Subject.from(caller).id(), input.appointmentId()));
	}

	@SchemaMapping(typeName = "Appointment")
	ServiceHall hall(Appointments.Appointment appointment) {
		return this.directory.hall(appointment.hallCode()).orElse(null);
	}

	@SchemaMapping(typeName = "Appointment")
	WindowGroup windowGroup(Appointments.Appointment appointment) {
		return this.directory.hall(appointment.hallCode()).map((h) -> h.windowGroup(appointment.windowGroup())).orElse(null);
	}

	@SchemaMapping(typeName = "Appointment")
	ServiceItem item(Appointments.Appointment appointment) {
		return (appointment.itemCode() != null) ? this.catalog.findItem(appointment.itemCode()).orElse(null) : null;
	}

	record BookInput(@NotBlank @Size(max = 20) String hall, @NotBlank @Pattern(regexp = "[A-Z]") String windowGroup,
			@NotNull Instant startsAt, @Size(max = 30) String item,
			@NotBlank @Size(max = 64) String idempotencyKey) {
	}

	record RescheduleInput(@NotBlank @Size(max = 40) String appointmentId, @NotNull Instant startsAt) {
	}

	record CancelInput(@NotBlank @Size(max = 40) String appointmentId) {
	}

	record Payload(Appointments.Appointment appointment) {
	}

}
