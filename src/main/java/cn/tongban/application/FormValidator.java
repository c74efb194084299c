package cn.tongban.application;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.tongban.bundle.BundleService;
import cn.tongban.bundle.FormField;
import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.validation.IdNumberValidator;

/**
 * Checks form values against the unified form: unknown keys refused, required fields present
 * (a pre-filled value counts), each value of its field's type (number, date, choice, GB 11643 ID
 * number, mobile), one line of at most 200 characters. Values are compared and stored in Unicode
 * NFC without surrounding spaces. A field whose value comes from authority (the identity platform
 * or a certificate, {@link FormField#source()}) is locked: the server takes that value, and a
 * client value that differs is refused with FIELD_LOCKED. Every stored value has a provenance:
 * where an authoritative value came from, or {@link #TYPED} when the applicant typed it.
 */
final class FormValidator {

	static final int MAX_TEXT = 200;

	/** Provenance of a value the applicant typed: it reaches a sealed certificate only once staff confirmed it. */
	static final String TYPED = "APPLICANT";

	private FormValidator() {
	}

	/** NFC, no surrounding white space: what is compared, fingerprinted and stored. */
	static Map<String, String> normalised(Map<String, String> given) {
		Map<String, String> values = new LinkedHashMap<>();
		given.forEach((key, value) -> values.put(key, (value == null) ? null
				: Normalizer.normalize(value, Normalizer.Form.NFC).strip()));
		return values;
	}

	/**
	 * @param values the stored values
	 * @param sources per key, the provenance of its value
	 */
	record Validated(Map<String, String> values, Map<String, String> sources) {
	}

	/** The values of a new submission; {@code today} (in China) bounds the birth date in an ID number. */
	static Validated validate(Map<String, String> given, List<BundleService.UnifiedField> form, LocalDate today) {
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, String> sources = new LinkedHashMap<>();
		checkKeys(given, form);
		for (BundleService.UnifiedField unified : form) {
			FormField field = unified.field();
			String value = given.get(field.key());
			if (isLocked(unified)) {
				refuseOverride(unified, value);
				value = unified.prefill().value();
				sources.put(field.key(), unified.prefill().source());
			}
			else if ((value == null || value.isBlank()) && unified.prefill() != null) {
				value = unified.prefill().value();
				sources.put(field.key(), unified.prefill().source());
			}
			else {
				sources.put(field.key(), TYPED);
			}
			if (value == null || value.isBlank()) {
				sources.remove(field.key());
				if (field.required()) {
					throw ApiException.onField("input.formValues." + field.key(), ApplicationError.INVALID_FORM,
							field.label() + " is required");
				}
				continue;
			}
			values.put(field.key(), checked(field, value, today));
		}
		return new Validated(values, sources);
	}

	/**
	 * A supplement (补正) changes typed values only; each is checked like a new one, and a locked
	 * field is refused even when it was typed because no authority had it at submission.
	 */
	static Validated supplement(Validated stored, Map<String, String> changes,
			List<BundleService.UnifiedField> form, LocalDate today) {
		checkKeys(changes, form);
		Map<String, String> values = new LinkedHashMap<>(stored.values());
		Map<String, String> sources = new LinkedHashMap<>(stored.sources());
		for (BundleService.UnifiedField unified : form) {
			String key = unified.field().key();
			if (!changes.containsKey(key)) {
				continue;
			}
			String value = changes.get(key);
			if (isLocked(unified) || !TYPED.equals(sources.getOrDefault(key, TYPED))) {
				refuseOverride(unified, value, values.get(key));
				continue;
			}
			if (value == null || value.isBlank()) {
				throw ApiException.onField("input.formValues." + key, ApplicationError.INVALID_FORM,
						unified.field().label() + " is required");
			}
			values.put(key, checked(unified.field(), value, today));
			sources.put(key, TYPED);
		}
		return new Validated(values, sources);
	}

	/** Its value comes from authority (identity platform, a certificate) and authority has one. */
	static boolean isLocked(BundleService.UnifiedField unified) {
		String source = unified.field().source();
		return source != null && unified.prefill() != null
				&& (source.startsWith("PROFILE:") || source.startsWith("CERTIFICATE:"));
	}

	private static void refuseOverride(BundleService.UnifiedField unified, String given) {
		refuseOverride(unified, given, unified.prefill().value());
	}

	private static void refuseOverride(BundleService.UnifiedField unified, String given, String authoritative) {
		if (given != null && !given.isBlank() && !given.equals(authoritative)) {
			FormField field = unified.field();
			throw ApiException.onField("input.formValues." + field.key(), ApplicationError.FIELD_LOCKED, field.label());
		}
	}

	private static void checkKeys(Map<String, String> given, List<BundleService.UnifiedField> form) {
		for (String key : given.keySet()) {
			if (form.stream().noneMatch((field) -> field.field().key().equals(key))) {
				throw ApiException.onField("input.formValues." + key, ApplicationError.INVALID_FORM, key + ": not a field of this form");
			}
		}
	}

	private static String checked(FormField field, String value, LocalDate today) {
		String problem = problem(field, value, today);
		if (problem != null) {
			throw ApiException.onField("input.formValues." + field.key(), ApplicationError.INVALID_FORM,
					field.label() + " " + problem);
		}
		return value;
	}

	private static String problem(FormField field, String value, LocalDate today) {
		if (value.length() > MAX_TEXT) {
			return "is longer than " + MAX_TEXT + " characters";
		}
		if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\t') >= 0) {
			return "must be one line";
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
				if (!IdNumberValidator.isValid(value.toUpperCase(), today)) {
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
