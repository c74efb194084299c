package cn.tongban.platform.jobs;

import cn.tongban.platform.events.EventFeed;
import cn.tongban.platform.limits.SharedBuckets;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The platform's housekeeping, each on one instance at a time: the feed keeps its newest events and
 * the shared budgets drop buckets that are full again (a real MongoDB's TTL indexes do both too; the
 * embedded server has none).
 */
@Component
class PlatformJobs {

	private final JobLeases leases;

	private final EventFeed feed;

	private final SharedBuckets buckets;

	PlatformJobs(JobLeases leases, EventFeed feed, SharedBuckets buckets) {
		this.leases = leases;
		this.feed = feed;
		this.buckets = buckets;
	}

	@Scheduled(fixedDelayString = "${tongban.jobs.housekeeping-interval:1m}",
			initialDelayString = "${tongban.jobs.housekeeping-interval:1m}")
	void housekeeping() {
		this.leases.run("platform.prune-events", () -> (int) Math.min(Integer.MAX_VALUE, this.feed.prune()));
		this.leases.run("platform.expire-buckets", () -> (int) Math.min(Integer.MAX_VALUE, this.buckets.removeExpired()));
	}

}
