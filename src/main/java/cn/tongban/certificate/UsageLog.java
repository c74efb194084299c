package cn.tongban.certificate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import cn.tongban.platform.crypto.Sm3;

import cn.tongban.platform.durability.Unsynced;
import cn.tongban.platform.graphql.Connection;
import cn.tongban.platform.graphql.Keyset;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

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

	private final Stripe[] stripes = new Stripe[256];

	UsageLog(MongoTemplate mongo, Clock clock) {
		this.clock = clock;
		this.mongo = mongo;
		for (int i = 0; i < this.stripes.length; i++) {
			this.stripes[i] = new Stripe();
		}
	}

	/**
	 * Appends one entry. The chain's tail is read from a per-holder head document ({@code _id} =
	 * holder, so one keyed read instead of a sort over the holder's entries). Appenders in this
	 * instance queue on a striped lock; another instance racing for the same sequence number loses
	 * on the duplicate entry {@code _id}, moves the head on and retries. The head is only a cache of
	 * the newest entry: if a crash leaves it behind, the duplicate tells and it catches up.
	 * <p>
	 * Whoever holds a stripe's lock appends every entry queued on it meanwhile, a holder's in one
	 * ordered insert and one head update (flat combining), so concurrent accesses to one holder's
	 * chain cost a few writes together rather than a few each. Those writes are not synced; the
	 * synced write that confirms the head after the lock covers them (writes reach the disk in
	 * order), and concurrent appenders share its sync. The entry is returned, and the caller
	 * answered, only after it.
	 */
	UsageEntry append(String holderId, String accessor, String accessorName, Purpose purpose, Certificate certificate,
			String typeCode, UsageEntry.Result result, String reason) {
		Pending mine = new Pending(holderId, new UsageEntry(null, holderId, 0, null, accessor, accessorName,
				(purpose != null) ? purpose.code() : null, (purpose != null) ? purpose.name() : null,
				(certificate != null) ? certificate.id() : null, (certificate != null) ? certificate.number() : null,
				typeCode, result, reason, null, null));
		Stripe stripe = this.stripes[Math.floorMod(holderId.hashCode(), this.stripes.length)];
		stripe.queue.add(mine);
		synchronized (stripe) {
			if (!mine.settled()) {
				appendQueued(stripe);
			}
		}
		if (mine.failure != null) {
			throw mine.failure;
		}
		if (mine.entry == null) {
			// the lock's holder failed with an Error while this entry was in its batch
			throw new IllegalStateException("Could not append to the usage log of " + holderId);
		}
		confirm(holderId, mine.entry.sequence());
		return mine.entry;
	}

	/** Under the stripe's lock: every entry queued on it, each holder's as one batch. */
	private void appendQueued(Stripe stripe) {
		Map<String, List<Pending>> byHolder = new LinkedHashMap<>();
		for (Pending pending = stripe.queue.poll(); pending != null; pending = stripe.queue.poll()) {
			byHolder.computeIfAbsent(pending.holderId, (holder) -> new ArrayList<>()).add(pending);
		}
		byHolder.forEach((holderId, batch) -> {
			try {
				appendBatch(holderId, batch);
			}
			catch (RuntimeException ex) {
				batch.stream().filter((pending) -> pending.entry == null).forEach((pending) -> pending.failure = ex);
			}
		});
	}

	private void appendBatch(String holderId, List<Pending> batch) {
		int done = 0;
		for (int attempt = 0; attempt < MAX_ATTEMPTS && done < batch.size(); attempt++) {
			Head head = this.mongo.findById(holderId, Head.class);
			long sequence = (head != null) ? head.sequence() : 0;
			String previous = (head != null) ? head.hash() : UsageEntry.GENESIS;
			Instant at = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
			List<UsageEntry> chain = new ArrayList<>(batch.size() - done);
			for (Pending pending : batch.subList(done, batch.size())) {
				UsageEntry entry = pending.draft.chainedAfter(previous, ++sequence, at);
				previous = entry.hash();
				chain.add(entry);
			}
			int inserted = insertUnsynced(chain);
			for (int i = 0; i < inserted; i++) {
				batch.get(done + i).entry = chain.get(i);
			}
			if (inserted > 0) {
				advanceHead(holderId, chain.get(inserted - 1));
			}
			done += inserted;
			if (inserted < chain.size()) {
				// another instance took the next sequence number: move the head to its entry and go on
				UsageEntry taken = this.mongo.findById(chain.get(inserted).id(), UsageEntry.class);
				if (taken != null) {
					advanceHead(holderId, taken);
				}
			}
		}
		if (done < batch.size()) {
			throw new IllegalStateException("Could not append to the usage log of " + holderId);
		}
	}

	/** Inserts in order, unsynced; how many went in before a duplicate sequence number stopped it. */
	private int insertUnsynced(List<UsageEntry> chain) {
		List<org.bson.Document> documents = new ArrayList<>(chain.size());
		for (UsageEntry entry : chain) {
			org.bson.Document document = new org.bson.Document();
			this.mongo.getConverter().write(entry, document);
			documents.add(document);
		}
		return this.mongo.execute(UsageEntry.class, (collection) -> {
			try {
				Unsynced.of(collection)
					.insertMany(documents, new InsertManyOptions().ordered(true));
				return documents.size();
			}
			catch (MongoBulkWriteException ex) {
				BulkWriteError first = ex.getWriteErrors().get(0);
				if (ErrorCategory.fromErrorCode(first.getCode()) != ErrorCategory.DUPLICATE_KEY) {
					throw ex;
				}
				return first.getIndex();
			}
		});
	}

	/** Moves the head forward only, unsynced (see {@link #append}): a slower writer never moves it back. */
	private void advanceHead(String holderId, UsageEntry entry) {
		try {
			this.mongo.execute(Head.class, (collection) -> Unsynced.of(collection)
				.updateOne(Filters.and(Filters.eq("_id", holderId), Filters.lt("sequence", entry.sequence())),
						Updates.combine(Updates.set("sequence", entry.sequence()), Updates.set("hash", entry.hash())),
						new UpdateOptions().upsert(true)));
		}
		catch (DuplicateKeyException alreadyFurther) {
			// the head exists with a higher sequence: nothing to do
		}
	}

	/**
	 * The synced write after an append: records the highest sequence an appender has seen reach the
	 * disk ({@code confirmed}) and, with the default write concern, makes the unsynced writes before
	 * it durable.
	 */
	private void confirm(String holderId, long sequence) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(holderId)), new Update().max("confirmed", sequence),
				Head.class);
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

	/** One append waiting on a stripe: its entry once written, or why it could not be. */
	private static final class Pending {

		private final String holderId;

		private final UsageEntry draft;

		private UsageEntry entry;

		private RuntimeException failure;

		Pending(String holderId, UsageEntry draft) {
			this.holderId = holderId;
			this.draft = draft;
		}

		boolean settled() {
			return this.entry != null || this.failure != null;
		}

	}

	/** A lock and the appends queued for it. */
	private static final class Stripe {

		private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();

	}

	/** The newest entry of a holder's chain ({@code confirmed}, the newest known synced, is not read back). */
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
