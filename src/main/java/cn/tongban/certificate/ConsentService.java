package cn.tongban.certificate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.Connection;
import cn.tongban.platform.graphql.Keyset;
import cn.tongban.webhook.WebhookKind;
import cn.tongban.webhook.Webhooks;
import cn.tongban.platform.graphql.PlatformError;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Holders' consents to integrators' purposes: grant, list, revoke, and the live check. */
@Service
class ConsentService {

	static final int MAX_DAYS = 90;

	private final ConsentRepository consents;

	private final PurposeRepository purposes;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final CertificateTypeRepository types;

	private final Webhooks webhooks;

	ConsentService(ConsentRepository consents, PurposeRepository purposes, MongoTemplate mongo,
			CertificateTypeRepository types, Clock clock, Webhooks webhooks) {
		this.webhooks = webhooks;
		this.clock = clock;
		this.consents = consents;
		this.purposes = purposes;
		this.mongo = mongo;
		this.types = types;
	}

	Consent grant(String holderId, String purposeCode, List<String> certificateTypes, int days) {
		Purpose purpose = requirePurpose(purposeCode, "input.purpose");
		List<String> types = (certificateTypes == null || certificateTypes.isEmpty()) ? purpose.certificateTypes()
				: List.copyOf(new LinkedHashSet<>(certificateTypes));
		if (!new HashSet<>(purpose.certificateTypes()).containsAll(types)) {
			throw ApiException.onField("input.certificateTypes", PlatformError.INVALID_ARGUMENT,
					"certificate types outside the purpose " + purpose.certificateTypes());
		}
		if (days < 1 || days > MAX_DAYS) {
			throw ApiException.onField("input.days", PlatformError.INVALID_ARGUMENT, "days must be 1 to " + MAX_DAYS);
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Consent consent = new Consent("cns_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20),
				holderId, purpose.integratorClientId(), purpose.code(), types, now, now.plus(Duration.ofDays(days)),
				null, now, true);
		Consent granted = this.consents.insert(consent);
		emitEvents(granted);
		return granted;
	}

	/**
	 * The integrator's webhook events for the consent (granted; revoked when it is), then the pending
	 * flag cleared — only when every event is stored, so a failure or a crash leaves it for
	 * {@link WebhookFollowUp}. Event ids derive from the consent, so emitting again stores nothing.
	 */
	void emitEvents(Consent consent) {
		Map<String, String> data = Map.of("consentId", consent.id(), "purpose", consent.purposeCode());
		boolean stored = this.webhooks.emit(consent.integratorClientId(), WebhookKind.CONSENT_GRANTED, consent.id(), data)
				&& (consent.revokedAt() == null
						|| this.webhooks.emit(consent.integratorClientId(), WebhookKind.CONSENT_REVOKED, consent.id(), data));
		if (stored) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(consent.id())
				.and(WebhookFollowUp.PENDING).is(true)
				.and("updatedAt").is(consent.updatedAt())), new Update().unset(WebhookFollowUp.PENDING), Consent.class);
		}
	}

	List<Consent> of(String holderId) {
		return this.consents.findByHolderIdOrderByGrantedAtDesc(holderId);
	}

	/** Revoking twice is harmless; another holder's consent is NOT_FOUND. */
	Consent revoke(String holderId, String consentId) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Query mine = Query.query(Criteria.where("_id").is(consentId).and("holderId").is(holderId));
		boolean revokedNow = this.mongo.updateFirst(Query.query(Criteria.where("_id").is(consentId).and("holderId").is(holderId)
			.and("revokedAt").is(null)), Update.update("revokedAt", now).set("updatedAt", now).set("webhookPending", true),
				Consent.class).getModifiedCount() == 1;
		Consent consent = this.mongo.findOne(mine, Consent.class);
		if (consent == null) {
			throw ApiException.onField("input.id", CertificateError.CONSENT_NOT_FOUND, consentId);
		}
		if (revokedNow) {
			emitEvents(consent);
		}
		return consent;
	}

	/**
	 * Consents given for the integrator's purposes that changed after {@code since} (all when null),
	 * oldest change first, so a mirror catches up page by page; a revoked one comes back with
	 * {@code revokedAt} set (a tombstone: the mirror drops it).
	 */
	Connection<Consent> changedFor(String integratorClientId, Instant since, Integer first, String after) {
		Query query = Query.query(Criteria.where("integratorClientId").is(integratorClientId));
		if (since != null) {
			query.addCriteria(Criteria.where("updatedAt").gt(since));
		}
		return Keyset.pageOldestFirst(query, first, after, "updatedAt", (Consent consent) -> new Keyset(consent.changedAt(),
				consent.id()), (page) -> this.mongo.find(page, Consent.class), this.mongo.count(query, Consent.class));
	}

	/** A consent of the holder that allows this integrator, purpose and type now, or null. */
	Consent live(String holderId, String integratorClientId, String purposeCode, String typeCode) {
		Instant now = this.clock.instant();
		return this.consents.findByHolderIdAndIntegratorClientIdAndPurposeCode(holderId, integratorClientId, purposeCode)
			.stream()
			.filter((consent) -> consent.activeAt(now) && consent.certificateTypes().contains(typeCode))
			.findFirst()
			.orElse(null);
	}

	Purpose requirePurpose(String code, String field) {
		return this.purposes.findById(code).orElseThrow(() -> ApiException.onField(field, CertificateError.PURPOSE_NOT_FOUND, code));
	}

	Map<String, Purpose> purposesByCode(Collection<String> codes) {
		return this.purposes.findAllById(codes)
			.stream()
			.collect(Collectors.toMap(Purpose::code, Function.identity()));
	}

	List<Purpose> purposes(String integratorClientId) {
		return (integratorClientId != null) ? this.purposes.findByIntegratorClientIdOrderByCode(integratorClientId)
				: this.purposes.findAll(Sort.by("_id"));
	}

	Purpose register(String integratorClientId, String code, String name, String description, List<String> types,
			List<String> fields) {
		for (String type : types) {
			if (!this.types.existsById(type)) {
				throw ApiException.onField("input.certificateTypes", PlatformError.UNKNOWN_REFERENCE, "证照类型", type);
			}
		}
		List<String> knownFields = this.types.findAllById(types)
			.stream()
			.flatMap((type) -> type.fields().stream().map(CertificateType.Field::key))
			.toList();
		for (String field : fields) {
			if (!knownFields.contains(field)) {
				throw ApiException.onField("input.fields", PlatformError.INVALID_ARGUMENT,
						"field " + field + " is not carried by " + types);
			}
		}
		if (this.purposes.existsById(code)) {
			throw ApiException.onField("input.code", CertificateError.PURPOSE_CODE_TAKEN, code);
		}
		Purpose purpose = new Purpose(code, integratorClientId, name, description, List.copyOf(types), List.copyOf(fields));
		this.mongo.insert(purpose);
		return purpose;
	}

}
