package cn.tongban.platform.limits;

import java.util.Date;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Bucket4j's compare-and-swap proxy manager on a MongoDB collection: a bucket is one document
 * ({@code _id} the key, {@code state} Bucket4j's serialized state, {@code expiresAt} when a fresh
 * bucket would be the same); a consumption reads it by {@code _id} and replaces it only if
 * {@code state} is still what was read, else Bucket4j retries with the new state.
 */
final class MongoBucketStore extends AbstractCompareAndSwapBasedProxyManager<String> {

	private final MongoCollection<Document> buckets;

	MongoBucketStore(MongoCollection<Document> buckets, ClientSideConfig config) {
		super(config);
		this.buckets = buckets;
	}

	@Override
	protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
		return new CompareAndSwapOperation() {

			@Override
			public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
				Document bucket = MongoBucketStore.this.buckets.find(Filters.eq("_id", key)).first();
				return Optional.ofNullable(bucket).map((found) -> found.get("state", Binary.class).getData());
			}

			@Override
			public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
					Optional<Long> timeoutNanos) {
				Date expiresAt = expiresAt(newState);
				if (originalData == null) {
					try {
						MongoBucketStore.this.buckets.insertOne(
								new Document("_id", key).append("state", new Binary(newData)).append("expiresAt", expiresAt));
						return true;
					}
					catch (MongoWriteException ex) {
						if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
							return false; // another instance made it first
						}
						throw ex;
					}
				}
				return MongoBucketStore.this.buckets
					.updateOne(Filters.and(Filters.eq("_id", key), Filters.eq("state", new Binary(originalData))),
							Updates.combine(Updates.set("state", new Binary(newData)), Updates.set("expiresAt", expiresAt)))
					.getModifiedCount() == 1;
			}
		};
	}

	private Date expiresAt(RemoteBucketState state) {
		long now = currentTimeNanos() / 1_000_000;
		long ttl = getClientSideConfig().getExpirationAfterWriteStrategy()
			.map((strategy) -> strategy.calculateTimeToLiveMillis(state, currentTimeNanos()))
			.orElse(0L);
		return new Date(now + Math.max(ttl, 0));
	}

	@Override
	protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
		throw new UnsupportedOperationException("synchronous only");
	}

	@Override
	public void removeProxy(String key) {
		this.buckets.deleteOne(Filters.eq("_id", key));
	}

	@Override
	protected CompletableFuture<Void> removeAsync(String key) {
		return CompletableFuture.failedFuture(new UnsupportedOperationException("synchronous only"));
	}

	@Override
	public boolean isAsyncModeSupported() {
		return false;
	}

	@Override
	public boolean isExpireAfterWriteSupported() {
		return true;
	}

}
