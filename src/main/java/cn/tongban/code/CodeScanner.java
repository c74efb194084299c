package cn.tongban.code;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import cn.tongban.catalog.CatalogError;
import cn.tongban.catalog.CatalogService;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.identity.IdentityService;
import cn.tongban.identity.PersonDetails;
import cn.tongban.platform.durability.Unsynced;
import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.PlatformError;
import cn.tongban.platform.security.Subject;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Scans by terminals: the code's own checks ({@link ScanVerifier}), its holder and revocation, the
 * terminal's scenario, the replay claim of a single-use scenario, then the disclosures
 * ({@link Disclosures}). Every scan is recorded whatever the outcome.
 */
@Service
class CodeScanner {

	private final TrustList trust;

	private final MongoTemplate mongo;

	private final IdentityService identity;

	private final CatalogService catalog;

	private final Disclosures disclosures;

	private final ScanRecords scanRecords;

	private final Clock clock;

	/** The province's pseudonym → person id (a mapping that never changes). */
	private final Cache<String, String> provincialPeople = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(Duration.ofHours(1))
		.build();

	CodeScanner(TrustList trust, MongoTemplate mongo, IdentityService identity, CatalogService catalog,
			Disclosures disclosures, ScanRecords scanRecords, Clock clock) {
		this.trust = trust;
		this.mongo = mongo;
		this.identity = identity;
		this.catalog = catalog;
		this.disclosures = disclosures;
		this.scanRecords = scanRecords;
		this.clock = clock;
	}

	/**
	 * Verifies a scanned code — format, issuer, signature, expiry, revocation, replay — records the
	 * scan whatever the outcome, and returns what the terminal's scenario may learn.
	 */
	ScanResult scan(Subject terminal, String terminalName, String text, String serviceItemCode) {
		ScanBook book = new ScanBook(terminal, terminalName, this.clock, 1);
		try {
			return finish(checkAndClaim(book, text, serviceItemCode), book);
		}
		finally {
			this.scanRecords.write(book);
		}
	}

	/**
	 * Verifies a scanned code like {@link #scan} and records the scan, but answers only the holder's
	 * id, for a module that acts on it without disclosing anything (a hall's check-in kiosk).
	 */
	String holderOfScan(Subject terminal, String terminalName, String text) {
		ScanBook book = new ScanBook(terminal, terminalName, this.clock, 1);
		try {
			Checked checked = checkAndClaim(book, text, null);
			book.accepted(checked.scenario().code(), checked.code().issuerId(), checked.holderId());
			return checked.holderId();
		}
		finally {
			this.scanRecords.write(book);
		}
	}

	/**
	 * A terminal's queued scans in one call (bus readers upload in batches): each is checked like
	 * {@link #scan}; the single-use claims go in one unordered bulk insert (a duplicate key marks
	 * that scan as replayed, also within the batch); failures do not stop the others; all records
	 * are written in one insert.
	 */
	List<Outcome> scanAll(Subject terminal, String terminalName, List<String> texts, List<String> serviceItemCodes) {
		ScanBook book = new ScanBook(terminal, terminalName, this.clock, texts.size());
		Outcome[] outcomes = new Outcome[texts.size()];
		try {
			Checked[] checked = new Checked[texts.size()];
			List<Integer> claims = new ArrayList<>();
			for (int i = 0; i < texts.size(); i++) {
				try {
					checked[i] = check(book, texts.get(i), serviceItemCodes.get(i));
					if (checked[i].singleUse()) {
						claims.add(i);
					}
				}
				catch (ApiException refused) {
					outcomes[i] = new Outcome(i, null, refused);
				}
			}
			for (int replayed : replayedAmong(claims, checked)) {
				outcomes[replayed] = new Outcome(replayed, null, checked[replayed].refuse(book, CodeError.CODE_REPLAYED));
				checked[replayed] = null;
			}
			for (int i = 0; i < texts.size(); i++) {
				if (checked[i] != null) {
					try {
						outcomes[i] = new Outcome(i, finish(checked[i], book), null);
					}
					catch (ApiException refused) {
						outcomes[i] = new Outcome(i, null, refused);
					}
				}
			}
		}
		finally {
			this.scanRecords.write(book);
		}
		return List.of(outcomes);
	}

	/** Every check and, for a single-use scenario, the replay claim. */
	private Checked checkAndClaim(ScanBook book, String text, String serviceItemCode) {
		Checked checked = check(book, text, serviceItemCode);
		if (checked.singleUse()) {
			try {
				claim(checked.use());
			}
			catch (DuplicateKeyException replayed) {
				throw checked.refuse(book, CodeError.CODE_REPLAYED);
			}
		}
		return checked;
	}

	/**
	 * Takes a single-use code's replay claim. Not synced on its own: the scan record written right
	 * after (before the answer) is, and its sync covers the claim, so an accepted scan costs one sync
	 * instead of two. On MongoDB {@code w: majority} still journals it.
	 */
	private void claim(CodeUse use) {
		Document document = new Document();
		this.mongo.getConverter().write(use, document);
		this.mongo.execute(CodeUse.class, (collection) -> Unsynced.of(collection)
			.insertOne(document));
	}

	/** Inserts the claims unordered; the positions (in {@code checked}) whose claim was already taken. */
	private List<Integer> replayedAmong(List<Integer> claims, Checked[] checked) {
		if (claims.isEmpty()) {
			return List.of();
		}
		BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, CodeUse.class);
		claims.forEach((i) -> bulk.insert(checked[i].use()));
		try {
			bulk.execute();
			return List.of();
		}
		catch (BulkOperationException partly) {
			return partly.getErrors().stream().map((error) -> claims.get(error.getIndex())).toList();
		}
	}

	/** Everything but the replay claim: the code's own checks, its holder, the terminal's scenario. */
	private Checked check(ScanBook book, String text, String serviceItemCode) {
		Instant now = this.clock.instant();
		String terminalScenario = book.terminal().scenarioCode();
		Scenario scenario = this.trust.scenario(terminalScenario);
		String scenarioCode = (scenario != null) ? scenario.code() : terminalScenario;
		ScanVerifier.Verdict verdict = ScanVerifier.verify(text, now, this.trust::find);
		if (!verdict.passed()) {
			throw book.refuse(scenarioCode, verdict.issuerId(), null, verdict.refusal());
		}
		CodeFormat.Parsed code = verdict.code();
		String holderId = holderOf(code, book, scenarioCode);
		if (scenario == null || !scenario.holderKinds().contains(code.kind())) {
			throw book.refuse(scenarioCode, code.issuerId(), holderId, CodeError.SCENARIO_NOT_ALLOWED);
		}
		boolean counter = scenario.disclose().contains(Disclosure.CERTIFICATES_FOR_ITEM);
		if (counter && serviceItemCode == null) {
			throw ApiException.onField("input.serviceItemCode", PlatformError.INVALID_ARGUMENT,
					"the counter must say which item it is handling");
		}
		ServiceItem item = counter ? this.catalog.findItem(serviceItemCode)
			.orElseThrow(() -> ApiException.onField("input.serviceItemCode", CatalogError.ITEM_NOT_FOUND, serviceItemCode))
				: null;
		return new Checked(code, scenario, holderId, item, new CodeUse(code.codeKey() + ":" + scenario.code(), now));
	}

	private ScanResult finish(Checked checked, ScanBook book) {
		ScanResult result = this.disclosures.disclose(checked.scenario(), checked.code(), checked.holderId(), book,
				checked.item());
		book.accepted(checked.scenario().code(), checked.code().issuerId(), checked.holderId());
		return result;
	}

	/** Our own code's holder unless revoked or superseded; the province's by its pseudonym. */
	private String holderOf(CodeFormat.Parsed code, ScanBook book, String scenarioCode) {
		if (TrustList.LOCAL_ISSUER.equals(code.issuerId())) {
			IssuedCode issued = this.mongo.findById(CodeFormat.base64url(code.subject()), IssuedCode.class);
			if (issued == null || issued.revokedAt() != null || issued.supersededAt() != null) {
				throw book.refuse(scenarioCode, code.issuerId(), (issued != null) ? issued.holderId() : null,
						CodeError.CODE_REVOKED);
			}
			return issued.holderId();
		}
		String reference = HexFormat.of().formatHex(code.subject());
		String personId = this.provincialPeople.get(reference,
				(ref) -> this.identity.personByProvincialRef(ref).map(PersonDetails::id).orElse(null));
		if (personId == null) {
			throw book.refuse(scenarioCode, code.issuerId(), null, CodeError.CODE_REVOKED);
		}
		return personId;
	}

	/** A scan that passed every check but the replay claim. */
	private record Checked(CodeFormat.Parsed code, Scenario scenario, String holderId, ServiceItem item, CodeUse use) {

		boolean singleUse() {
			return this.scenario.replay() == Scenario.Replay.SINGLE_USE;
		}

		ApiException refuse(ScanBook book, CodeError code) {
			return book.refuse(this.scenario.code(), this.code.issuerId(), this.holderId, code);
		}

	}

	/** One scan of a batch: a result, or the refusal. */
	record Outcome(int index, ScanResult result, ApiException refusal) {
	}

}
