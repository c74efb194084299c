package cn.tongban.catalog;

import java.util.List;

import cn.tongban.reference.ServiceTarget;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new implementation of a service item in one region. */
public record CreateServiceItemInput(
		@NotBlank @Pattern(regexp = ServiceItemRules.BASIC_CODE, message = "{tongban.basicCode}") String basicCode,
		@NotBlank @Pattern(regexp = "\\d{6}", message = "{tongban.regionCode}") String region,
		@NotBlank @Size(min = 2, max = 60) String name, @Size(min = 2, max = 200) String nameEn,
		@Size(max = 10) List<@NotBlank @Size(max = 30) String> aliases,
		@NotNull ItemType type, @NotBlank @Size(max = 10) String department,
		@NotEmpty @Size(max = 2) List<@NotNull ServiceTarget> targets,
		@Size(max = 5) List<@NotBlank @Size(max = 30) String> lifeEvents,
		@Size(max = 20) List<@NotBlank @Size(max = 200) String> acceptanceConditions,
		@Size(max = 20) List<@NotBlank @Size(max = 100) String> legalBasis,
		@Min(1) @Max(365) int legalTimeLimitDays, @Min(0) @Max(365) int promisedTimeLimitDays,
		@Size(max = 100) String quantityLimit, @Valid Fee fee, @Size(max = 50) List<@Valid @NotNull Material> materials,
		@NotEmpty @Size(max = 4) List<@NotNull Channel> channels, @Min(0) @Max(5) int visitsRequired,
		@Size(max = 5) List<@NotNull ServiceMode> serviceModes, @Size(max = 20) List<@NotBlank @Size(max = 50) String> process,
		@Size(max = 6) List<@NotBlank @Size(max = 30) String> plainSteps,
		Boolean codeEnabled,
		@Pattern(regexp = "[A-Z]{2,3}-\\d{3}", message = "{tongban.certificateTypeCode}") String resultCertificateType,
		@Pattern(regexp = "[0-9-]{5,20}", message = "{tongban.phone}") String consultationPhone) {
}
