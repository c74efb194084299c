package cn.tongban.platform.graphql;

import java.util.Locale;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.ValidationException;
import jakarta.validation.metadata.ConstraintDescriptor;
import org.hibernate.validator.messageinterpolation.ResourceBundleMessageInterpolator;

/**
 * Interpolates a constraint violation's message in the request's locale. Validation runs with the
 * JVM's default locale; the client's Accept-Language is only known per request.
 */
final class ViolationMessages {

	private static final MessageInterpolator INTERPOLATOR = new ResourceBundleMessageInterpolator();

	private ViolationMessages() {
	}

	static String in(Locale locale, ConstraintViolation<?> violation) {
		MessageInterpolator.Context context = new MessageInterpolator.Context() {

			@Override
			public ConstraintDescriptor<?> getConstraintDescriptor() {
				return violation.getConstraintDescriptor();
			}

			@Override
			public Object getValidatedValue() {
				return violation.getInvalidValue();
			}

			@Override
			public <T> T unwrap(Class<T> type) {
				throw new ValidationException("Not supported: " + type);
			}
		};
		try {
			return INTERPOLATOR.interpolate(violation.getMessageTemplate(), context, locale);
		}
		catch (RuntimeException ex) {
			return violation.getMessage();
		}
	}

}
