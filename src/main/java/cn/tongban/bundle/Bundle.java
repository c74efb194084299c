package cn.tongban.bundle;

import java.util.List;
import java.util.Map;

import cn.tongban.platform.graphql.Bilingual;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A one-matter bundle (一件事): several catalogue items across departments handled as one matter,
 * each item with the form fields it needs.
 *
 * @param target NATURAL_PERSON or LEGAL_PERSON (who applies)
 * @param issueMappings per item code: certificate data field ← form field key, for the certificate
 * the item issues on completion (fields not mapped default to the applicant's)
 * @param issueHolders per item code, whom its certificate is about when not the applicant
 * ({@link IssueHolder}); validated when the bundle is read, so a bad seed stops start-up
 */
@Document("bundles")
public record Bundle(@Id String code, String name, String nameEn, String lifeEventCode, String target, String description,
		List<Item> items, Map<String, Map<String, String>> issueMappings, Map<String, IssueHolder> issueHolders)
		implements Bilingual.Named {

	/** Its id for {@code node(id)}: the code. */
	public String id() {
		return this.code;
	}

	/** The form fields a CHILD holder is registered from. */
	public static final List<String> CHILD_FIELDS = List.of("childName", "childGender", "childBirthDate");

	public Bundle {
		issueHolders = (issueHolders == null) ? Map.of() : Map.copyOf(issueHolders);
		for (Map.Entry<String, IssueHolder> holder : issueHolders.entrySet()) {
			if (items.stream().noneMatch((item) -> item.code().equals(holder.getKey()))) {
				throw new IllegalStateException("Bundle " + code + ": issueHolders names " + holder.getKey()
						+ ", which is not one of its items");
			}
			if (holder.getValue() == IssueHolder.CHILD && !items.stream()
				.flatMap((item) -> item.fields().stream())
				.toList()
				.containsAll(CHILD_FIELDS)) {
				throw new IllegalStateException("Bundle " + code + ": a CHILD holder needs the form fields " + CHILD_FIELDS);
			}
		}
	}

	/** Whom an issued certificate is about (持证人). */
	public enum IssueHolder {

		/** The applicant (or, for an enterprise agent, the enterprise). */
		APPLICANT,
		/** The child the bundle registers: a person of its own, with the applicant as a guardian. */
		CHILD

	}

	/** Whom the certificate of this item is about. */
	public IssueHolder holderOf(String itemCode) {
		return this.issueHolders.getOrDefault(itemCode, IssueHolder.APPLICANT);
	}

	/** An item of the bundle and the form fields it needs. */
	public record Item(String code, List<String> fields) {
	}

	public List<String> itemCodes() {
		return this.items.stream().map(Item::code).toList();
	}

}
