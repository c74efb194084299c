package cn.tongban.bundle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.tongban.catalog.CatalogService;
import cn.tongban.catalog.CatalogStatistics.Rate;
import cn.tongban.catalog.Material;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.certificate.Certificate;
import cn.tongban.certificate.CertificateService;
import cn.tongban.identity.IdentityService;
import cn.tongban.identity.PersonDetails;
import cn.tongban.platform.ChinaTime;
import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.security.Delegated;
import cn.tongban.platform.security.Role;
import cn.tongban.platform.security.Subject;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The bundle module's API: bundles, their merged materials and unified form for an applicant, and
 * the sharing figures the plans ask for (表单共享率 ≥ 60 %, 材料共享率 ≥ 70 %).
 */
@Service
public class BundleService {

	static final double FIELD_SHARING_TARGET = 0.6;

	static final double MATERIAL_SHARING_TARGET = 0.7;

	/** The fields every application asks for when an item belongs to no bundle. */
	static final List<String> DEFAULT_FIELDS = List.of("applicantName", "applicantIdNumber", "applicantMobile");

	private final MongoTemplate mongo;

	private final CatalogService catalog;

	private final CertificateService certificates;

	private final Clock clock;

	private final IdentityService identity;

	BundleService(MongoTemplate mongo, CatalogService catalog, CertificateService certificates,
			IdentityService identity, Clock clock) {
		this.clock = clock;
		this.mongo = mongo;
		this.catalog = catalog;
		this.certificates = certificates;
		this.identity = identity;
	}

	public List<Bundle> bundles(String lifeEvent, String target) {
		Query query = new Query().with(Sort.by("_id"));
		if (lifeEvent != null) {
			query.addCriteria(Criteria.where("lifeEventCode").is(lifeEvent));
		}
		if (target != null) {
			query.addCriteria(Criteria.where("target").is(target));
		}
		return this.mongo.find(query, Bundle.class);
	}

	public Map<String, Bundle> bundlesByCode(Collection<String> codes) {
		Map<String, Bundle> found = new LinkedHashMap<>();
		this.mongo.find(Query.query(Criteria.where("_id").in(codes)), Bundle.class)
			.forEach((bundle) -> found.put(bundle.code(), bundle));
		return found;
	}

	public Bundle require(String code, String field) {
		Bundle bundle = (code != null && code.length() <= 40) ? this.mongo.findById(code, Bundle.class) : null;
		if (bundle == null) {
			throw ApiException.onField(field, BundleError.BUNDLE_NOT_FOUND, code);
		}
		return bundle;
	}

	/** The form fields an item needs: its fields in the bundles that include it, else the defaults. */
	public List<String> fieldsOfItem(String itemCode) {
		Set<String> keys = new LinkedHashSet<>();
		this.mongo.find(Query.query(Criteria.where("items.code").is(itemCode)), Bundle.class)
			.forEach((bundle) -> bundle.items()
				.stream()
				.filter((item) -> item.code().equals(itemCode))
				.forEach((item) -> keys.addAll(item.fields())));
		return keys.isEmpty() ? DEFAULT_FIELDS : List.copyOf(keys);
	}

	public Map<String, FormField> fields(Collection<String> keys) {
		Map<String, FormField> found = new LinkedHashMap<>();
		this.mongo.find(Query.query(Criteria.where("_id").in(keys)), FormField.class)
			.forEach((field) -> found.put(field.key(), field));
		return found;
	}

	/**
	 * The unified form: every field the items need, once, in first-use order, with the items that
	 * need it and — for a signed-in person — the value pre-filled from their identity data or their
	 * certificates (value, source, as-of date), like Myinfo.
	 */
	public List<UnifiedField> form(List<Bundle.Item> items, Subject applicant) {
		Map<String, FormField> definitions = fields(keysOf(items));
		return unify(items, definitions, prefiller(applicant, definitions.values()));
	}

	/** The forms of several bundles with one field lookup and one pre-fill lookup. */
	public Map<Bundle, List<UnifiedField>> forms(List<Bundle> bundles, Subject applicant) {
		Map<String, FormField> definitions = fields(
				keysOf(bundles.stream().flatMap((bundle) -> bundle.items().stream()).toList()));
		Prefiller prefill = prefiller(applicant, definitions.values());
		Map<Bundle, List<UnifiedField>> forms = new LinkedHashMap<>();
		bundles.forEach((bundle) -> forms.put(bundle, unify(bundle.items(), definitions, prefill)));
		return forms;
	}

	private static Set<String> keysOf(List<Bundle.Item> items) {
		Set<String> keys = new LinkedHashSet<>();
		items.forEach((item) -> keys.addAll(item.fields()));
		return keys;
	}

	private static List<UnifiedField> unify(List<Bundle.Item> items, Map<String, FormField> definitions,
			Prefiller prefill) {
		Map<String, List<String>> neededBy = new LinkedHashMap<>();
		for (Bundle.Item item : items) {
			for (String key : item.fields()) {
				neededBy.computeIfAbsent(key, (k) -> new ArrayList<>()).add(item.code());
			}
		}
		List<UnifiedField> form = new ArrayList<>();
		neededBy.forEach((key, codes) -> {
			FormField field = definitions.get(key);
			if (field != null) {
				form.add(new UnifiedField(field, List.copyOf(codes), prefill.of(field)));
			}
		});
		return form;
	}

	/**
	 * The merged material list: a material several items need appears once (by certificate type,
	 * else by name). For a signed-in applicant each is CERTIFICATE (one of their valid certificates
	 * stands in), SHARED (another item of the bundle produces it) or PROVIDE.
	 */
	public List<MergedMaterial> materials(List<String> itemCodes, Subject applicant) {
		return materials(itemCodes, this.catalog.itemsByCodes(itemCodes), applicant);
	}

	/** The same, for a caller that has the items already. */
	public List<MergedMaterial> materials(List<String> itemCodes, Map<String, ServiceItem> items, Subject applicant) {
		return merge(itemCodes, items, held(applicant, items.values()), applicant);
	}

	/** The material lists of several bundles with one item lookup and one certificate lookup. */
	public Map<Bundle, List<MergedMaterial>> materialLists(List<Bundle> bundles, Subject applicant) {
		Map<String, ServiceItem> items = this.catalog
			.itemsByCodes(bundles.stream().flatMap((bundle) -> bundle.itemCodes().stream()).distinct().toList());
		Map<String, Certificate> held = held(applicant, items.values());
		Map<Bundle, List<MergedMaterial>> lists = new LinkedHashMap<>();
		bundles.forEach((bundle) -> lists.put(bundle, merge(bundle.itemCodes(), items, held, applicant)));
		return lists;
	}

	/** The applicant's valid certificates of the types the items' materials name. */
	private Map<String, Certificate> held(Subject applicant, Collection<ServiceItem> items) {
		String holderId = (applicant != null) ? applicant.holderId() : null;
		if (holderId == null) {
			return Map.of();
		}
		return this.certificates.validByType(holderId, items.stream()
			.flatMap((item) -> item.getMaterials().stream())
			.map(Material::certificateTypeCode)
			.filter(Objects::nonNull)
			.distinct()
			.toList());
	}

	private static List<MergedMaterial> merge(List<String> itemCodes, Map<String, ServiceItem> items,
			Map<String, Certificate> held, Subject applicant) {
		Set<String> produced = new LinkedHashSet<>();
		Map<String, MergedMaterial.Builder> merged = new LinkedHashMap<>();
		for (String code : itemCodes) {
			ServiceItem item = items.get(code);
			if (item == null) {
				continue;
			}
			if (item.getResultCertificateTypeCode() != null) {
				produced.add(item.getResultCertificateTypeCode());
			}
			for (Material material : item.getMaterials()) {
				String key = (material.certificateTypeCode() != null) ? material.certificateTypeCode() : material.name();
				merged.computeIfAbsent(key, (k) -> new MergedMaterial.Builder(material)).neededBy(code, material.required());
			}
		}
		boolean forApplicant = applicant != null && applicant.holderId() != null;
		return merged.values().stream().map((builder) -> builder.build(forApplicant, held, produced)).toList();
	}

	/** Sharing figures of bundles (independent of who applies), with one item and one field lookup. */
	public Map<Bundle, Figures> figures(List<Bundle> bundles) {
		Map<String, FormField> definitions = fields(
				keysOf(bundles.stream().flatMap((bundle) -> bundle.items().stream()).toList()));
		Map<String, ServiceItem> items = this.catalog
			.itemsByCodes(bundles.stream().flatMap((bundle) -> bundle.itemCodes().stream()).distinct().toList());
		Map<Bundle, Figures> figures = new LinkedHashMap<>();
		for (Bundle bundle : bundles) {
			figures.put(bundle, figuresOf(bundle, definitions, items));
		}
		return figures;
	}

	/**
	 * 表单共享率: of all the form fields the bundle's items ask for (one per item that asks), the share
	 * the applicant does not type (filled from shared data), counting each typed field once, as the
	 * unified form asks it once. 材料共享率: of all the materials the items list, the share not to be
	 * provided, counting each material the applicant provides once.
	 */
	static Figures figuresOf(Bundle bundle, Map<String, FormField> definitions, Map<String, ServiceItem> items) {
		int fieldMentions = bundle.items().stream().mapToInt((item) -> item.fields().size()).sum();
		long typed = keysOf(bundle.items()).stream()
			.map(definitions::get)
			.filter((field) -> field != null && field.source() == null)
			.count();
		int materialMentions = 0;
		Set<String> toProvide = new LinkedHashSet<>();
		for (String code : bundle.itemCodes()) {
			ServiceItem item = items.get(code);
			for (Material material : (item != null) ? item.getMaterials() : List.<Material>of()) {
				materialMentions++;
				if (material.certificateTypeCode() == null) {
					toProvide.add(material.name());
				}
			}
		}
		return new Figures(new Rate(fieldMentions - typed, fieldMentions, FIELD_SHARING_TARGET),
				new Rate(materialMentions - toProvide.size(), materialMentions, MATERIAL_SHARING_TARGET));
	}

	/** All bundles together (sums of the parts). */
	public Figures totals() {
		long fieldNumerator = 0;
		long fieldDenominator = 0;
		long materialNumerator = 0;
		long materialDenominator = 0;
		for (Figures figures : figures(bundles(null, null)).values()) {
			fieldNumerator += figures.formFieldSharingRate().numerator();
			fieldDenominator += figures.formFieldSharingRate().denominator();
			materialNumerator += figures.materialSharingRate().numerator();
			materialDenominator += figures.materialSharingRate().denominator();
		}
		return new Figures(new Rate(fieldNumerator, fieldDenominator, FIELD_SHARING_TARGET),
				new Rate(materialNumerator, materialDenominator, MATERIAL_SHARING_TARGET));
	}

	private Prefiller prefiller(Subject applicant, Collection<FormField> fields) {
		boolean appliesForThemself = applicant != null && (applicant.has(Role.RESIDENT) || applicant.has(Role.ENTERPRISE));
		boolean appliesForRelative = applicant != null && applicant.has(Role.DELEGATE)
				&& applicant.scopes().contains(Delegated.APPLICATIONS_SCOPE);
		if (!appliesForThemself && !appliesForRelative) {
			return (field) -> null;
		}
		PersonDetails person = this.identity.person(applicant.id()).orElse(null);
		List<String> types = fields.stream()
			.map(FormField::source)
			.filter((source) -> source != null && source.startsWith("CERTIFICATE:"))
			.map((source) -> source.substring("CERTIFICATE:".length(), source.indexOf('.')))
			.distinct()
			.toList();
		Map<String, Certificate> held = this.certificates.validByType(applicant.holderId(), types);
		LocalDate today = LocalDate.now(this.clock.withZone(ChinaTime.ZONE));
		return (field) -> {
			String source = field.source();
			if (source == null) {
				return null;
			}
			if (source.startsWith("PROFILE:") && person != null) {
				String value = switch (source.substring("PROFILE:".length())) {
					case "name" -> person.name();
					case "idNumber" -> person.idNumber();
					case "mobile" -> person.mobile();
					case "address" -> person.address();
					default -> null;
				};
				return (value != null) ? new Prefill(value, "个人身份信息（统一身份认证）", today) : null;
			}
			if (source.startsWith("CERTIFICATE:")) {
				String type = source.substring("CERTIFICATE:".length(), source.indexOf('.'));
				Certificate certificate = held.get(type);
				String value = (certificate != null) ? certificate.data().get(source.substring(source.indexOf('.') + 1))
						: null;
				return (value != null) ? new Prefill(value, "电子证照 " + certificate.number(), certificate.issuedOn())
						: null;
			}
			return null;
		};
	}

	private interface Prefiller {

		Prefill of(FormField field);

	}

	/** A field of the unified form. */
	public record UnifiedField(FormField field, List<String> neededBy, Prefill prefill) {
	}

	/** A pre-filled value, where it came from and as of when. */
	public record Prefill(String value, String source, LocalDate asOf) {
	}

	/** Sharing figures. */
	public record Figures(Rate formFieldSharingRate, Rate materialSharingRate) {
	}

}
