package cn.tongban.certificate;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

import cn.tongban.platform.crypto.Sm3;

import cn.tongban.platform.graphql.Connection;
import cn.tongban.platform.graphql.Keyset;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Appends to and reads the per-holder hash-chained usage log (SM3). */
@Component
class UsageLog {

	private static final int MAX_ATTEMPTS = 20;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final Object[] stripes = new Object[256];

	UsageLog(MongoTemplate mongo, Clock clock) {
		this.clock = clock;
		this.mongo = mongo;
		for (int i = 0; i < this.stripes.length; i++) {
			this.stripes[i] = new Object();
		}
	}

	/**
	 * Appends one entry. The chain's tail is read from a per-holder head document ({@code _id} =
	 * holder, so one keyed read instead of a sort over the holder's entries). Appenders in this
	 * instance queue on a striped lock; another instance racing for the same sequence number loses
	 * on the duplicate entry {@code _id}, moves the head on and retries. The head is only a cache of
	 * the newest entry: if a crash leaves it behind, the duplicate tells and it catches up.
	 */
	UsageEntry append(String holderId, String accessor, String accessorName, Purpose purpose, Certificate certificate,
			String typeCode, UsageEntry.Result result, String reason) {
		Object stripe = this.stripes[Math.floorMod(holderId.hashCode(), this.stripes.length)];
		synchronized (stripe) {
			for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
				Head head = this.mongo.findById(holderId, Head.class);
				long sequence = (head != null) ? head.sequence() + 1 : 1;
				String previous = (head != null) ? head.hash() : UsageEntry.GENESIS;
				UsageEntry entry = withHash(new UsageEntry(UsageEntry.idFor(holderId, sequence), holderId, sequence,
						this.clock.instant().truncatedTo(ChronoUnit.MILLIS), accessor, accessorName,
						(purpose != null) ? purpose.code() : null, (purpose != null) ? purpose.name() : null,
						(certificate != null) ? certificate.id() : null,
						(certificate != null) ? certificate.number() : null, typeCode, result, reason, previous, null));
				try {
					this.mongo.insert(entry);
					advanceHead(holderId, entry);
					return entry;
				}
				catch (DuplicateKeyException taken) {
					UsageEntry existing = this.mongo.findById(UsageEntry.idFor(holderId, sequence), UsageEntry.class);
					if (existing != null) {
						advanceHead(holderId, existing);
					}
				}
			}
		}
		throw new IllegalStateException("Could not append to the usage log of " + holderId);
	}

	/** Moves the head forward only: a slower writer never moves it back. */
	private void advanceHead(String holderId, UsageEntry entry) {
		try {
			this.mongo.upsert(Query.query(Criteria.where("_id").is(holderId).and("sequence").lt(entry.sequence())),
					Update.update("sequence", entry.sequence()).set("hash", entry.hash()), Head.class);
		}
		catch (DuplicateKeyException alreadyFurther) {
			// the head exists with a higher sequence: nothing to do
		}
	}

	/** Newest first after a keyset cursor (time, then id: holder + zero-padded sequence). */
	Connection<UsageEntry> page(String holderId, Integer first, String after) {
		return Keyset.page(byHolder(holderId), first, after, "at", (UsageEntry entry) -> new Keyset(entry.at(), entry.id()),
				(page) -> this.mongo.find(page, UsageEntry.class), count(holderId));
	}

	/** The integrators that verified the certificate (allowed uses under a consent; counters and relatives are not integrators). */
	List<String> verifiersOf(String certificateId) {
		return this.mongo.findDistinct(Query.query(Criteria.where("certificateId").is(certificateId)
			.and("result").is(UsageEntry.Result.ALLOWED)
			.and("purposeCode").not().regex("^(COUNTER:|DELEGATE$)")), "accessor", UsageEntry.class, String.class);
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

	private static Query byHolder(String holderId) {
		return Query.query(Criteria.where("holderId").is(holderId));
	}

	private static UsageEntry withHash(UsageEntry e) {
		return new UsageEntry(e.id(), e.holderId(), e.sequence(), e.at(), e.accessor(), e.accessorName(),
				e.purposeCode(), e.purposeName(), e.certificateId(), e.certificateNumber(), e.certificateTypeCode(),
				e.result(), e.reason(), e.previousHash(), Sm3.hex(e.chainedText()));
	}

	/** The newest entry of a holder's chain. */
	@Document("certificate_usage_heads")
	record Head(@Id String holderId, long sequence, String hash) {
	}

	/**
	 * @param brokenAtSequence the first sequence number that fails, null when intact
	 * @param headHash hash of the last good entry: a client that remembers it can also detect
	 * entries cut off the end
	 */
	record ChainCheck(boolean intact, int entries, Long brokenAtSequence, String problem, String headHash) {
	}

}
