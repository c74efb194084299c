package cn.tongban.certificate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import cn.tongban.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The usage log's chain under concurrent appends in this instance (combined into batches) and when
 * another instance took the next sequence number first.
 */
@GraphQlIntegrationTest
class UsageLogTests {

	@Autowired
	UsageLog log;

	@Autowired
	MongoTemplate mongo;

	@Test
	void concurrentAppendsToOneHolderMakeOneUnbrokenChain() throws Exception {
		String holder = "psn_usage_log_concurrent";
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<CompletableFuture<UsageEntry>> appends = IntStream.range(0, 40)
				.mapToObj((i) -> CompletableFuture.supplyAsync(() -> append(holder, "reason " + i), pool))
				.toList();
			List<Long> sequences = appends.stream().map(CompletableFuture::join).map(UsageEntry::sequence).toList();
			assertThat(sequences).doesNotHaveDuplicates().allSatisfy((sequence) -> assertThat(sequence).isBetween(1L, 40L));
		}
		finally {
			pool.shutdown();
		}
		UsageLog.ChainCheck check = this.log.verify(holder);
		assertThat(check.intact()).isTrue();
		assertThat(check.entries()).isEqualTo(40);
	}

	@Test
	void aSequenceNumberAnotherInstanceTookIsSkippedAndChainedAfter() {
		String holder = "psn_usage_log_race";
		UsageEntry first = append(holder, "ours");
		// another instance appended number 2 after our first, and had not moved the head yet
		UsageEntry theirs = new UsageEntry(null, holder, 0, null, "other-instance", "另一实例", null, null, null, null,
				"GA-001", UsageEntry.Result.ALLOWED, "theirs", null, null)
			.chainedAfter(first.hash(), 2, Instant.now().truncatedTo(ChronoUnit.MILLIS));
		this.mongo.insert(theirs);
		UsageEntry next = append(holder, "ours again");
		assertThat(next.sequence()).isEqualTo(3);
		assertThat(next.previousHash()).isEqualTo(theirs.hash());
		UsageLog.ChainCheck check = this.log.verify(holder);
		assertThat(check.intact()).isTrue();
		assertThat(check.entries()).isEqualTo(3);
	}

	private UsageEntry append(String holder, String reason) {
		return this.log.append(holder, "usage-log-tests", "测试", null, null, "GA-001", UsageEntry.Result.DENIED, reason);
	}

}
