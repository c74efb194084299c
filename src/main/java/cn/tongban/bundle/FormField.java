package cn.tongban.bundle;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A field of the form dictionary. {@code source} says where its value can come from:
 * {@code PROFILE:<attribute>} (the person's identity data), {@code CERTIFICATE:<type>.<field>} (a
 * certificate the applicant holds), or null (typed by the applicant).
 */
@Document("form_fields")
public record FormField(@Id String key, String label, Type type, boolean required, String source,
		List<String> options) {

	public enum Type {

		TEXT, NUMBER, DATE, CHOICE, ID_NUMBER, MOBILE

	}

}
