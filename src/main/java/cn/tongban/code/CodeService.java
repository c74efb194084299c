package cn.tongban.code;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import cn.tongban.catalog.CatalogError;
import cn.tongban.catalog.CatalogService;
import cn.tongban.catalog.Material;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.certificate.Certificate;
import cn.tongban.certificate.CertificateService;
import cn.tongban.identity.IdentityService;
import cn.tongban.identity.PersonDetails;
import cn.tongban.platform.ChinaTime;
import cn.tongban.platform.crypto.KeyRing;
import cn.tongban.platform.crypto.Sm2;
import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.ErrorCode;
import cn.tongban.platform.graphql.PlatformError;
import cn.tongban.platform.privacy.Masking;
import cn.tongban.platform.security.Subject;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Issues, revokes and scans resident and enterprise codes. */
@Service
class CodeService {

	/** 图书馆读者证: a valid one makes the library scenario's card status ACTIVE. */
	static final String LIBRARY_CARD = "WL-001";


	private static final ZoneId CHINA = ChinaTime.ZONE;

	/** Clock difference tolerated between the phone that shows a code and the terminal. */
	private static final long SKEW_SECONDS = 5;

	private final SecureRandom random = new SecureRandom();

	private final TrustList trust;

	private final MongoTemplate mongo;

	private final IdentityService identity;

	private final CertificateService certificates;

	private final CatalogService catalog;

	private final int validitySeconds;

	/**
	 * What scans disclose about a person changes rarely (name, age, a disability or insurance
	 * certificate), and a bus reader scans the same commuters all day: kept one minute, so a
	 * revoked certificate stops counting within a minute. Revocation of the code itself is always
	 * checked live.
	 */
	private final Cache<String, HolderFacts> facts = Caffeine
		.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(Duration.ofMinutes(1))
		.build();

	private final Clock clock;

	/** The province's pseudonym → person id (a mapping that never changes). */
	private final Cache<String, String> provincialPeople = Caffeine
		.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(Duration.ofHours(1))
		.build();

	CodeService(TrustList trust, MongoTemplate mongo, IdentityService identity, CertificateService certificates,
			CatalogService catalog, CodeProperties properties, Clock clock) {
		this.clock = clock;
		this.trust = trust;
		this.mongo = mongo;
		this.identity = identity;
		this.certificates = certificates;
		this.catalog = catalog;
		this.validitySeconds = (int) properties.validity().toSeconds();
	}

	/** A fresh code; the holder's earlier codes are superseded. */
	Issued issue(HolderKind kind, String holderId) {
		KeyRing.Entry key = this.trust.signingKey();
		byte[] subject = bytes(12);
		byte[] nonce = bytes(8);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		byte[] payload = CodeFormat.payload(TrustList.LOCAL_ISSUER, key.keyId(), kind, subject, now,
				this.validitySeconds, nonce);
		String text = CodeFormat.text(payload, Sm2.toRaw(key.sign(payload)));
		this.mongo.updateMulti(
				Query.query(Criteria.where("holderId").is(holderId).and("supersededAt").is(null).and("revokedAt").is(null)),
				Update.update("supersededAt", now), IssuedCode.class);
		IssuedCode code = new IssuedCode(CodeFormat.base64url(subject), kind, holderId, key.keyId(), now,
				now.plusSeconds(this.validitySeconds), null, null);
		this.mongo.insert(code);
		return new Issued(text, code, TrustList.LOCAL_ISSUER);
	}

	/**
	 * Codes as the provincial app would issue them (default run only), signed with the seeded key:
	 * {@code count} distinct ones (different nonces) for the person with this mobile number.
	 */
	List<Issued> simulateProvincial(String mobile, int count) {
		TrustList.SigningKey key = this.trust.simulationKey("LTM");
		PersonDetails person = this.identity.personByMobile(mobile)
			.orElseThrow(() -> ApiException.onField("mobile", PlatformError.INVALID_ARGUMENT, "unknown mobile"));
		String reference = this.identity.provincialRef(person.id()).orElseThrow();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		IssuedCode shape = new IssuedCode(reference, HolderKind.PERSON, person.id(), key.keyId(), now,
				now.plusSeconds(this.validitySeconds), null, null);
		List<Issued> codes = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			byte[] payload = CodeFormat.payload("LTM", key.keyId(), HolderKind.PERSON,
					HexFormat.of().parseHex(reference), now, this.validitySeconds, bytes(8));
			codes.add(new Issued(CodeFormat.text(payload, key.sign(payload)), shape, "LTM"));
		}
		return codes;
	}

	/** Revokes every unexpired code of the holder (lost phone); returns how many. */
	long revokeAll(String holderId) {
		return this.mongo.updateMulti(Query.query(Criteria.where("holderId").is(holderId)
			.and("revokedAt").is(null)
			.and("supersededAt").is(null)
			.and("expiresAt").gt(this.clock.instant().minusSeconds(SKEW_SECONDS))), Update.update("revokedAt", this.clock.instant()),
				IssuedCode.class).getModifiedCount();
	}

	/**
	 * Verifies a scanned code — format, issuer, signature, expiry, revocation, replay — records the
	 * scan whatever the outcome, and returns what the terminal's scenario may learn.
	 */
	ScanResult scan(Subject terminal, String terminalName, String text, String serviceItemCode) {
		List<ScanRecord> records = new ArrayList<>(1);
		try {
			return finish(checkAndClaim(terminal, terminalName, text, serviceItemCode, records), terminal, terminalName,
					records);
		}
		finally {
			this.mongo.insertAll(records);
		}
	}

	/** Every check and, for a single-use scenario, the replay claim. */
	private Checked checkAndClaim(Subject terminal, String terminalName, String text, String serviceItemCode,
			List<ScanRecord> records) {
		Checked checked = check(terminal, terminalName, text, serviceItemCode, records);
		if (checked.singleUse()) {
			try {
				claim(checked.use());
			}
			catch (DuplicateKeyException replayed) {
				throw refuse(records, terminal, terminalName, checked.scenario().code(), checked.code().issuerId(),
						checked.holderId(), CodeError.CODE_REPLAYED);
			}
		}
		return checked;
	}

	/**
	 * Verifies a scanned code like {@link #scan} and records the scan, but answers only the holder's
	 * id, for a module that acts on it without disclosing anything (a hall's check-in kiosk).
	 */
	String holderOfScan(Subject terminal, String terminalName, String text) {
		List<ScanRecord> records = new ArrayList<>(1);
		try {
			Checked checked = checkAndClaim(terminal, terminalName, text, null, records);
			records.add(record(terminal, terminalName, checked.scenario().code(), checked.code().issuerId(),
					checked.holderId(), "ACCEPTED"));
			return checked.holderId();
		}
		finally {
			this.mongo.insertAll(records);
		}
	}

	/**
	 * Takes a single-use code's replay claim. Not synced on its own: the scan record written right
	 * after (in {@link #scan}'s finally, before the answer) is, and its sync covers the claim, so an
	 * accepted scan costs one sync instead of two. On MongoDB {@code w: majority} still journals it.
	 */
	private void claim(CodeUse use) {
		Document document = new Document();
		this.mongo.getConverter().write(use, document);
		this.mongo.execute(CodeUse.class, (collection) -> collection
			.withWriteConcern(collection.getWriteConcern().withJournal(false))
			.insertOne(document));
	}

	/**
	 * A terminal's queued scans in one call (bus readers upload in batches): each is checked like
	 * {@link #scan}; the single-use claims go in one unordered bulk insert (a duplicate key marks
	 * that scan as replayed, also within the batch); failures do not stop the others; all records
	 * are written in one insert.
	 */
	List<Outcome> scanAll(Subject terminal, String terminalName, List<String> texts, List<String> serviceItemCodes) {
		List<ScanRecord> records = new ArrayList<>(texts.size());
		Outcome[] outcomes = new Outcome[texts.size()];
		try {
			Checked[] checked = new Checked[texts.size()];
			List<Integer> claims = new ArrayList<>();
			for (int i = 0; i < texts.size(); i++) {
				try {
					checked[i] = check(terminal, terminalName, texts.get(i), serviceItemCodes.get(i), records);
					if (checked[i].singleUse()) {
						claims.add(i);
					}
				}
				catch (ApiException refused) {
					outcomes[i] = new Outcome(i, null, refused);
				}
			}
			for (int replayed : replayedAmong(claims, checked)) {
				Checked scan = checked[replayed];
				outcomes[replayed] = new Outcome(replayed, null, refuse(records, terminal, terminalName,
						scan.scenario().code(), scan.code().issuerId(), scan.holderId(), CodeError.CODE_REPLAYED));
				checked[replayed] = null;
			}
			for (int i = 0; i < texts.size(); i++) {
				if (checked[i] != null) {
					try {
						outcomes[i] = new Outcome(i, finish(checked[i], terminal, terminalName, records), null);
					}
					catch (ApiException refused) {
						outcomes[i] = new Outcome(i, null, refused);
					}
				}
			}
		}
		finally {
			this.mongo.insertAll(records);
		}
		return List.of(outcomes);
	}

	/** Inserts the claims unordered; the positions (in {@code checked}) whose claim was already taken. */
	private List<Integer> replayedAmong(List<Integer> claims, Checked[] checked) {
		if (claims.isEmpty()) {
			return List.of();
		}
		BulkOperations bulk = this.mongo
			.bulkOps(BulkOperations.BulkMode.UNORDERED, CodeUse.class);
		claims.forEach((i) -> bulk.insert(checked[i].use()));
		try {
			bulk.execute();
			return List.of();
		}
		catch (BulkOperationException partly) {
			return partly.getErrors().stream().map((error) -> claims.get(error.getIndex())).toList();
		}
	}

	/** Everything but the replay claim: format, issuer, signature, expiry, holder, scenario. */
	private Checked check(Subject terminal, String terminalName, String text, String serviceItemCode,
			List<ScanRecord> records) {
		Instant now = this.clock.instant();
		Scenario scenario = this.trust.scenario(terminal.scenarioCode());
		String scenarioCode = (scenario != null) ? scenario.code() : terminal.scenarioCode();
		CodeFormat.Parsed code = CodeFormat.parse(text);
		if (code == null) {
			throw refuse(records, terminal, terminalName, scenarioCode, null, null, CodeError.CODE_MALFORMED);
		}
		TrustList.VerifyingKey key = this.trust.find(code.issuerId(), code.shortKeyId());
		if (key == null) {
			throw refuse(records, terminal, terminalName, scenarioCode, code.issuerId(), null, CodeError.UNKNOWN_ISSUER);
		}
		if (!key.verify(code.payload(), code.signature())) {
			throw refuse(records, terminal, terminalName, scenarioCode, code.issuerId(), null, CodeError.BAD_SIGNATURE);
		}
		if (now.isAfter(code.expiresAt().plusSeconds(SKEW_SECONDS))
				|| code.issuedAt().isAfter(now.plusSeconds(SKEW_SECONDS))) {
			throw refuse(records, terminal, terminalName, scenarioCode, code.issuerId(), null, CodeError.CODE_EXPIRED);
		}
		String holderId = holderOf(code, records, terminal, terminalName, scenarioCode);
		if (scenario == null || !scenario.holderKinds().contains(code.kind())) {
			throw refuse(records, terminal, terminalName, scenarioCode, code.issuerId(), holderId, CodeError.SCENARIO_NOT_ALLOWED);
		}
		if (scenario.disclose().contains(Disclosure.CERTIFICATES_FOR_ITEM) && serviceItemCode == null) {
			throw ApiException.onField("input.serviceItemCode", PlatformError.INVALID_ARGUMENT,
					"the counter must say which item it is handling");
		}
		ServiceItem item = (serviceItemCode != null && scenario.disclose().contains(Disclosure.CERTIFICATES_FOR_ITEM))
				? this.catalog.findItem(serviceItemCode)
					.orElseThrow(() -> ApiException.onField("input.serviceItemCode", CatalogError.ITEM_NOT_FOUND, serviceItemCode))
				: null;
		return new Checked(code, scenario, holderId, item, new CodeUse(code.codeKey() + ":" + scenario.code(), now));
	}

	private ScanResult finish(Checked checked, Subject terminal, String terminalName, List<ScanRecord> records) {
		ScanResult result = disclose(checked.scenario(), checked.code(), checked.holderId(), terminal, terminalName,
				checked.item());
		records.add(record(terminal, terminalName, checked.scenario().code(), checked.code().issuerId(),
				checked.holderId(), "ACCEPTED"));
		return result;
	}

	/** A scan that passed every check but the replay claim. */
	private record Checked(CodeFormat.Parsed code, Scenario scenario, String holderId, ServiceItem item, CodeUse use) {

		boolean singleUse() {
			return this.scenario.replay() == Scenario.Replay.SINGLE_USE;
		}

	}

	private String holderOf(CodeFormat.Parsed code, List<ScanRecord> records, Subject terminal, String terminalName,
			String scenarioCode) {
		if (TrustList.LOCAL_ISSUER.equals(code.issuerId())) {
			IssuedCode issued = this.mongo.findById(CodeFormat.base64url(code.subject()), IssuedCode.class);
			if (issued == null || issued.revokedAt() != null || issued.supersededAt() != null) {
				throw refuse(records, terminal, terminalName, scenarioCode, code.issuerId(),
						(issued != null) ? issued.holderId() : null, CodeError.CODE_REVOKED);
			}
			return issued.holderId();
		}
		String reference = HexFormat.of().formatHex(code.subject());
		String personId = this.provincialPeople.get(reference,
				(ref) -> this.identity.personByProvincialRef(ref).map(PersonDetails::id).orElse(null));
		if (personId == null) {
			throw refuse(records, terminal, terminalName, scenarioCode, code.issuerId(), null, CodeError.CODE_REVOKED);
		}
		return personId;
	}

	private ScanResult disclose(Scenario scenario, CodeFormat.Parsed code, String holderId, Subject terminal,
			String terminalName, ServiceItem item) {
		ScanResult.Builder result = new ScanResult.Builder(scenario.code(), code.issuerId(), code.kind(), code.expiresAt(),
				scenario.disclose());
		if (code.kind() == HolderKind.ENTERPRISE) {
			var enterprise = this.identity.enterprise(holderId).orElseThrow();
			for (Disclosure disclosure : scenario.disclose()) {
				switch (disclosure) {
					case NAME, MASKED_NAME -> result.name(enterprise.name());
					case CERTIFICATES_FOR_ITEM -> result.certificates(counterCertificates(holderId, terminal, terminalName, item));
					default -> {
					}
				}
			}
			return result.build();
		}
		HolderFacts holder = this.facts.get(holderId, this::holderFacts);
		PersonDetails person = holder.person();
		for (Disclosure disclosure : scenario.disclose()) {
			switch (disclosure) {
				case NAME -> result.name(person.name());
				case MASKED_NAME -> result.maskedName(Masking.name(person.name()));
				case MASKED_ID_NUMBER -> result.maskedIdNumber(Masking.idNumber(person.idNumber()));
				case FARE_CATEGORY -> result.fareCategory(holder.fareCategory());
				case CERTIFICATES_FOR_ITEM -> result.certificates(counterCertificates(holderId, terminal, terminalName, item));
				case MEDICAL_INSURANCE -> result.medicalInsurance(holder.medicalInsurance());
				case LIBRARY_CARD_STATUS -> result.libraryCardStatus(holder.libraryCardStatus());
				case RESIDENT_OF_DISTRICT -> result.residentOfDistrict(person.regionCode().equals(scenario.districtCode()));
			}
		}
		return result.build();
	}

	private List<Certificate> counterCertificates(String holderId, Subject terminal, String terminalName, ServiceItem item) {
		List<String> types = item.getMaterials()
			.stream()
			.map(Material::certificateTypeCode)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		return this.certificates.discloseForService(holderId, terminal.clientId(), terminalName, item.getCode(),
				item.getName(), types);
	}

	/**
	 * The person and what their certificates say for scans: 老年人 (65+) and 残疾人 (valid 残疾人证)
	 * ride and enter free or reduced, everyone else pays full; the medical insurance type, if any.
	 */
	private HolderFacts holderFacts(String personId) {
		PersonDetails person = this.identity.person(personId).orElseThrow();
		Map<String, Certificate> held = this.certificates.validByType(personId,
				List.of("CL-001", "YB-001", LIBRARY_CARD));
		int age = Period.between(person.birthDate(), LocalDate.now(this.clock.withZone(CHINA))).getYears();
		String fare = held.containsKey("CL-001") ? "DISABLED" : (age >= 65) ? "SENIOR" : "ADULT";
		Certificate insurance = held.get("YB-001");
		String insured = (insurance == null) ? "未参保" : insurance.data().getOrDefault("insuranceType", "已参保");
		// the library's own record is the reader card (图书馆读者证) in the holder's card pack
		String libraryCard = held.containsKey(LIBRARY_CARD) ? "ACTIVE" : "NOT_REGISTERED";
		return new HolderFacts(person, fare, insured, libraryCard);
	}

	private ApiException refuse(List<ScanRecord> records, Subject terminal, String terminalName,
			String scenarioCode, String issuerId, String holderId, ErrorCode code) {
		records.add(record(terminal, terminalName, scenarioCode, issuerId, holderId, code.name()));
		return ApiException.onField("input.code", code);
	}

	private ScanRecord record(Subject terminal, String terminalName, String scenarioCode, String issuerId,
			String holderId, String result) {
		return new ScanRecord(UUID.randomUUID().toString(), this.clock.instant(), terminal.clientId(), terminalName,
				scenarioCode, issuerId, holderId, result);
	}

	private byte[] bytes(int count) {
		byte[] bytes = new byte[count];
		this.random.nextBytes(bytes);
		return bytes;
	}

	record Issued(String text, IssuedCode code, String issuerId) {
	}

	private record HolderFacts(PersonDetails person, String fareCategory, String medicalInsurance,
			String libraryCardStatus) {
	}

	/** One scan of a batch: a result, or the refusal. */
	record Outcome(int index, ScanResult result, ApiException refusal) {
	}

}
