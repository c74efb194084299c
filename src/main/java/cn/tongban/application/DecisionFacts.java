package cn.tongban.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.tongban.bundle.BundleService;
import cn.tongban.bundle.FormField;
import cn.tongban.certificate.Certificate;
import cn.tongban.certificate.CertificateService;
import cn.tongban.certificate.CertificateType;
import cn.tongban.certificate.CertificateTypeService;
import cn.tongban.identity.PersonDetails;
import cn.tongban.platform.ChinaTime;
import cn.tongban.platform.rules.FactType;
import cn.tongban.platform.rules.Rule;

import org.springframework.stereotype.Component;

/**
 * The facts approval rules may ask about, and their values for one application. Facts come from
 * authority, never from what the applicant claims about themself: {@code person.*} from the identity
 * platform, {@code certificate.<type>.*} from the holder's valid certificates; only {@code form.*}
 * is what the form holds (values the applicant typed included, which is why a certificate that would
 * seal a typed value is never issued by the rules alone).
 *
 * <ul>
 * <li>{@code person.age} (NUMBER, whole years today in China), {@code person.gender} (男/女),
 * {@code person.regionCode} (household region, GB/T 2260)</li>
 * <li>{@code certificate.<TYPE>.valid} (BOOLEAN: the holder has a valid one naming them) and
 * {@code certificate.<TYPE>.<field>} (TEXT: that certificate's data field)</li>
 * <li>{@code form.<key>} (NUMBER for number fields, else TEXT)</li>
 * </ul>
 */
@Component
class DecisionFacts {

	private static final String PERSON = "person.";

	private static final String CERTIFICATE = "certificate.";

	private static final String FORM = "form.";

	private static final ZoneId CHINA = ChinaTime.ZONE;

	private static final Map<String, FactType> PERSON_FACTS = Map.of("person.age", FactType.NUMBER, "person.gender",
			FactType.TEXT, "person.regionCode", FactType.TEXT);

	private final CertificateTypeService certificateTypes;

	private final CertificateService certificates;

	private final BundleService bundles;

	DecisionFacts(CertificateTypeService certificateTypes, CertificateService certificates, BundleService bundles) {
		this.certificateTypes = certificateTypes;
		this.certificates = certificates;
		this.bundles = bundles;
	}

	/** The type of a fact, empty for one no application can supply. */
	Optional<FactType> typeOf(String fact) {
		if (fact == null) {
			return Optional.empty();
		}
		if (fact.startsWith(PERSON)) {
			return Optional.ofNullable(PERSON_FACTS.get(fact));
		}
		if (fact.startsWith(CERTIFICATE)) {
			String[] parts = fact.substring(CERTIFICATE.length()).split("\\.", 2);
			if (parts.length != 2) {
				return Optional.empty();
			}
			CertificateType type = this.certificateTypes.findByCodes(List.of(parts[0])).get(parts[0]);
			if (type == null) {
				return Optional.empty();
			}
			if (parts[1].equals("valid")) {
				return Optional.of(FactType.BOOLEAN);
			}
			return type.fields().stream().anyMatch((field) -> field.key().equals(parts[1])) ? Optional.of(FactType.TEXT)
					: Optional.empty();
		}
		if (fact.startsWith(FORM)) {
			String key = fact.substring(FORM.length());
			FormField field = this.bundles.fields(List.of(key)).get(key);
			if (field == null) {
				return Optional.empty();
			}
			return Optional.of((field.type() == FormField.Type.NUMBER) ? FactType.NUMBER : FactType.TEXT);
		}
		return Optional.empty();
	}

	/** The facts the rules name, for this applicant, holder and form at {@code now} (dates in China time). */
	Map<String, Object> of(List<Rule> rules, PersonDetails person, String holderId, Map<String, String> form,
			Instant now) {
		LocalDate today = LocalDate.ofInstant(now, CHINA);
		Set<String> named = new LinkedHashSet<>();
		rules.forEach((rule) -> collect(rule, named));
		Map<String, Object> facts = new HashMap<>();
		if (person.birthDate() != null) {
			facts.put("person.age", Period.between(person.birthDate(), today).getYears());
		}
		putIfKnown(facts, "person.gender", genderOf(person.gender()));
		putIfKnown(facts, "person.regionCode", person.regionCode());
		Set<String> types = new LinkedHashSet<>();
		named.stream().filter((fact) -> fact.startsWith(CERTIFICATE))
			.forEach((fact) -> types.add(fact.substring(CERTIFICATE.length()).split("\\.", 2)[0]));
		Map<String, Certificate> valid = types.isEmpty() ? Map.of() : this.certificates.validByType(holderId, types);
		for (String type : types) {
			Certificate certificate = valid.get(type);
			facts.put(CERTIFICATE + type + ".valid", certificate != null);
			if (certificate != null && certificate.data() != null) {
				certificate.data().forEach((key, value) -> facts.put(CERTIFICATE + type + "." + key, value));
			}
		}
		List<String> formKeys = named.stream()
			.filter((fact) -> fact.startsWith(FORM))
			.map((fact) -> fact.substring(FORM.length()))
			.toList();
		Map<String, FormField> fields = formKeys.isEmpty() ? Map.of() : this.bundles.fields(formKeys);
		for (String key : formKeys) {
			String value = form.get(key);
			FormField field = fields.get(key);
			if (value != null && field != null) {
				putIfKnown(facts, FORM + key, (field.type() == FormField.Type.NUMBER) ? number(value) : value);
			}
		}
		return facts;
	}

	private static void collect(Rule rule, Set<String> facts) {
		if (rule.isLeaf()) {
			facts.add(rule.fact());
			return;
		}
		((rule.all() != null) ? rule.all() : rule.any()).forEach((member) -> collect(member, facts));
	}

	private static void putIfKnown(Map<String, Object> facts, String key, Object value) {
		if (value != null) {
			facts.put(key, value);
		}
	}

	private static String genderOf(String stored) {
		if (stored == null) {
			return null;
		}
		return switch (stored) {
			case "MALE" -> "男";
			case "FEMALE" -> "女";
			default -> stored;
		};
	}

	private static BigDecimal number(String value) {
		try {
			return new BigDecimal(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
