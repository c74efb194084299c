package cn.tongban.platform.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import cn.tongban.platform.events.EventFeed;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs a job's batch on one instance at a time: ShedLock's MongoDB lock ({@value #LEASES}, one
 * document per job) held for at most {@code tongban.jobs.lease}; a holder that dies loses it when the
 * lease runs out and the next instance whose schedule fires takes the job over. A batch must finish
 * well within the lease (jobs take bounded batches) and must be safe to repeat for what a dead holder
 * had half done. Each batch is on record in {@value #RUNS} while it works (instance, start); one that
 * did work stays there with its end and how many things it handled, kept 30 days.
 */
@Component
public class JobLeases {

	private static final Logger log = LoggerFactory.getLogger(JobLeases.class);

	static final String LEASES = "job_leases";

	static final String RUNS = "job_runs";

	private final LockingTaskExecutor executor;

	private final MongoCollection<Document> runs;

	private final Clock clock;

	private final Duration lease;

	private final String instanceId;

	@Autowired
	JobLeases(MongoTemplate mongo, Clock clock, EventFeed feed, @Value("${tongban.jobs.lease:5m}") Duration lease) {
		this(mongo, clock, feed.instanceId(), lease);
	}

	JobLeases(MongoTemplate mongo, Clock clock, String instanceId, Duration lease) {
		this.executor = new DefaultLockingTaskExecutor(new MongoLockProvider(mongo.getCollection(LEASES)));
		this.runs = mongo.getCollection(RUNS);
		this.clock = clock;
		this.lease = lease;
		this.instanceId = instanceId;
		try {
			this.runs.createIndex(Indexes.ascending("startedAt"),
					new IndexOptions().name("started_ttl").expireAfter(30L, TimeUnit.DAYS));
		}
		catch (MongoException ex) {
			log.warn("Index of {} not declared yet: {}", RUNS, ex.getMessage());
		}
	}

	/**
	 * Runs {@code batch} (returning how many things it handled) if no other instance holds the job's
	 * lease; returns whether it ran here.
	 */
	public boolean run(String job, IntSupplier batch) {
		try {
			return this.executor.executeWithLock(() -> {
				ObjectId run = started(job);
				int handled = batch.getAsInt();
				finished(run, handled);
				return handled;
			}, new LockConfiguration(this.clock.instant(), job, this.lease, Duration.ZERO)).wasExecuted();
		}
		catch (MongoException ex) {
			log.warn("Job {} not run now, the database could not be used: {}", job, ex.getMessage());
			return false;
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A run is on record while it works: one without {@code finishedAt} is running or its holder died. */
	private ObjectId started(String job) {
		ObjectId run = new ObjectId();
		this.runs.insertOne(new Document("_id", run).append("job", job)
			.append("instance", this.instanceId)
			.append("startedAt", Date.from(this.clock.instant())));
		return run;
	}

	private void finished(ObjectId run, int handled) {
		if (handled == 0) {
			this.runs.deleteOne(Filters.eq("_id", run));
			return;
		}
		this.runs.updateOne(Filters.eq("_id", run), Updates.combine(
				Updates.set("finishedAt", Date.from(this.clock.instant())), Updates.set("handled", handled)));
	}

}
