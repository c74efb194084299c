package cn.tongban.platform.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** 统一社会信用代码 (GB 32100): 18 characters of the standard's charset with a valid check character; null is valid. */
@Documented
@Constraint(validatedBy = CreditCodeValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface CreditCode {

	String message() default "{tongban.creditCode}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
