package cn.tongban.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.tongban.bundle.BundleService;
import cn.tongban.bundle.FormField;
import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.ErrorCode;
import cn.tongban.platform.validation.IdNumberValidator;

/**
 * Checks form values against the unified form: unknown keys refused, required fields present
 * (a pre-filled value counts), each value of its field's type (number, date, choice, GB 11643 ID
 * number, mobile), text at most 200 characters.
 */
final class FormValidator {

	static final int MAX_TEXT = 200;

	private FormValidator() {
	}

	static Map<String, String> validate(Map<String, String> given, java.util.List<BundleService.UnifiedField> form) {
		Map<String, BundleService.UnifiedField> byKey = new LinkedHashMap<>();
		form.forEach((field) -> byKey.put(field.field().key(), field));
		for (String key : given.keySet()) {
			if (!byKey.containsKey(key)) {
				throw ApiException.onField("input.formValues." + key, ErrorCode.INVALID_FORM, key + ": not a field of this form");
			}
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (BundleService.UnifiedField unified : form) {
			FormField field = unified.field();
			String value = given.get(field.key());
			if ((value == null || value.isBlank()) && unified.prefill() != null) {
				value = unified.prefill().value();
			}
			if (value == null || value.isBlank()) {
				if (field.required()) {
					throw ApiException.onField("input.formValues." + field.key(), ErrorCode.INVALID_FORM,
							field.label() + " is required");
				}
				continue;
			}
			value = value.trim();
			String problem = problem(field, value);
			if (problem != null) {
				throw ApiException.onField("input.formValues." + field.key(), ErrorCode.INVALID_FORM,
						field.label() + " " + problem);
			}
			values.put(field.key(), value);
		}
		return values;
	}

	private static String problem(FormField field, String value) {
		if (value.length() > MAX_TEXT) {
			return "is longer than " + MAX_TEXT + " characters";
		}
		switch (field.type()) {
			case NUMBER -> {
				try {
					if (new BigDecimal(value).signum() < 0) {
						return "must not be negative";
					}
				}
				catch (NumberFormatException ex) {
					return "must be a number";
				}
			}
			case DATE -> {
				try {
					LocalDate.parse(value);
				}
				catch (DateTimeParseException ex) {
					return "must be a date YYYY-MM-DD";
				}
			}
			case CHOICE -> {
				if (field.options() == null || !field.options().contains(value)) {
					return "must be one of " + field.options();
				}
			}
			case ID_NUMBER -> {
				if (!IdNumberValidator.isValid(value.toUpperCase())) {
					return "is not a valid ID number (GB 11643)";
				}
			}
			case MOBILE -> {
				if (!value.matches("1[3-9]\\d{9}")) {
					return "is not a mainland mobile number";
				}
			}
			case TEXT -> {
			}
		}
		return null;
	}

}
