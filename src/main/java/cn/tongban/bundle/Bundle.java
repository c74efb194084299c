package cn.tongban.bundle;

import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A one-matter bundle (一件事): several catalogue items across departments handled as one matter,
 * each item with the form fields it needs.
 *
 * @param target NATURAL_PERSON or LEGAL_PERSON (who applies)
 * @param issueMappings per item code: certificate data field ← form field key, for the certificate
 * the item issues on completion (fields not mapped default to the applicant's)
 */
@Document("bundles")
public record Bundle(@Id String code, String name, String lifeEventCode, String target, String description,
		List<Item> items, Map<String, Map<String, String>> issueMappings) {

	/** An item of the bundle and the form fields it needs. */
	public record Item(String code, List<String> fields) {
	}

	public List<String> itemCodes() {
		return this.items.stream().map(Item::code).toList();
	}

}
