package cn.tongban.platform.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/** A mainland China mobile number: 11 digits starting 13–19; null is valid. */
@Documented
@Pattern(regexp = "1[3-9]\\d{9}")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface MobileNumber {

	String message() default "{tongban.mobileNumber}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
