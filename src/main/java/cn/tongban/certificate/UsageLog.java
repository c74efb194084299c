package cn.tongban.certificate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import cn.tongban.platform.crypto.Sm3;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Appends to and reads the per-holder hash-chained usage log (SM3). */
@Component
class UsageLog {

	private static final int MAX_ATTEMPTS = 20;

	private final MongoTemplate mongo;

	UsageLog(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Appends one entry. Concurrent appends for the same holder race for the next sequence number;
	 * the loser's insert hits the duplicate {@code _id} and it retries on the new tail.
	 */
	UsageEntry append(String holderId, String accessor, String accessorName, Purpose purpose, Certificate certificate,
			String typeCode, UsageEntry.Result result, String reason) {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			UsageEntry last = last(holderId);
			long sequence = (last != null) ? last.sequence() + 1 : 1;
			String previous = (last != null) ? last.hash() : UsageEntry.GENESIS;
			UsageEntry entry = new UsageEntry(UsageEntry.idFor(holderId, sequence), holderId, sequence,
					Instant.now().truncatedTo(ChronoUnit.MILLIS), accessor, accessorName,
					(purpose != null) ? purpose.code() : null, (purpose != null) ? purpose.name() : null,
					(certificate != null) ? certificate.id() : null,
					(certificate != null) ? certificate.number() : null, typeCode, result, reason, previous, null);
			UsageEntry hashed = withHash(entry);
			try {
				this.mongo.insert(hashed);
				return hashed;
			}
			catch (DuplicateKeyException raced) {
				Thread.onSpinWait();
			}
		}
		throw new IllegalStateException("Could not append to the usage log of " + holderId);
	}

	List<UsageEntry> newestFirst(String holderId, int offset, int limit) {
		return this.mongo.find(byHolder(holderId).with(Sort.by(Sort.Direction.DESC, "sequence")).skip(offset).limit(limit),
				UsageEntry.class);
	}

	long count(String holderId) {
		return this.mongo.count(byHolder(holderId), UsageEntry.class);
	}

	/** Walks the chain from the first entry; the first broken link is reported. */
	ChainCheck verify(String holderId) {
		List<UsageEntry> entries = this.mongo.find(byHolder(holderId).with(Sort.by("sequence")), UsageEntry.class);
		String previous = UsageEntry.GENESIS;
		long expected = 1;
		for (UsageEntry entry : entries) {
			if (entry.sequence() != expected) {
				return new ChainCheck(false, entries.size(), expected, "entry " + expected + " is missing", previous);
			}
			if (!entry.previousHash().equals(previous)) {
				return new ChainCheck(false, entries.size(), entry.sequence(), "link to the previous entry is broken",
						previous);
			}
			if (!Sm3.hex(entry.chainedText()).equals(entry.hash())) {
				return new ChainCheck(false, entries.size(), entry.sequence(), "entry was altered", previous);
			}
			previous = entry.hash();
			expected++;
		}
		return new ChainCheck(true, entries.size(), null, null, previous);
	}

	private UsageEntry last(String holderId) {
		return this.mongo.findOne(byHolder(holderId).with(Sort.by(Sort.Direction.DESC, "sequence")).limit(1),
				UsageEntry.class);
	}

	private static Query byHolder(String holderId) {
		return Query.query(Criteria.where("holderId").is(holderId));
	}

	private static UsageEntry withHash(UsageEntry e) {
		return new UsageEntry(e.id(), e.holderId(), e.sequence(), e.at(), e.accessor(), e.accessorName(),
				e.purposeCode(), e.purposeName(), e.certificateId(), e.certificateNumber(), e.certificateTypeCode(),
				e.result(), e.reason(), e.previousHash(), Sm3.hex(e.chainedText()));
	}

	/**
	 * @param brokenAtSequence the first sequence number that fails, null when intact
	 * @param headHash hash of the last good entry: a client that remembers it can also detect
	 * entries cut off the end
	 */
	record ChainCheck(boolean intact, int entries, Long brokenAtSequence, String problem, String headHash) {
	}

}
