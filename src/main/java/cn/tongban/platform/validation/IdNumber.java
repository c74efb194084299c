package cn.tongban.platform.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** 公民身份号码 (GB 11643): 18 characters, a real birth date and a valid check character; null is valid. */
@Documented
@Constraint(validatedBy = IdNumberValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface IdNumber {

	String message() default "{tongban.idNumber}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
