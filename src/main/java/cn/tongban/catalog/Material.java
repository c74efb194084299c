package cn.tongban.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * 申请材料. {@code certificateTypeCode} names the e-certificate type that can replace the
 * material (免提交), or is null when the applicant must provide it.
 */
public record Material(@NotBlank @Size(max = 60) String name, @NotNull MaterialForm form,
		@Pattern(regexp = "[A-Z]{2,3}-\\d{3}") String certificateTypeCode, boolean required,
		@Min(1) @Max(10) int copies, @Size(max = 200) String note) {

	public boolean replaceableByCertificate() {
		return this.certificateTypeCode != null;
	}

}
