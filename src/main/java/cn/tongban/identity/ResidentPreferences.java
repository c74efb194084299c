package cn.tongban.identity;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A resident's display preferences the app reads at start: 长辈版 (elder mode: larger type, fewer
 * items, plain language). Absent means the defaults.
 */
@Document("resident_preferences")
record ResidentPreferences(@Id String personId, boolean elderMode, Instant updatedAt) {

	static ResidentPreferences defaults(String personId) {
		return new ResidentPreferences(personId, false, null);
	}

}
