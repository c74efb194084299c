package cn.tongban.catalog;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The most recently shown service items, for search pages: a page of results is read from here
 * instead of MongoDB. Kept in step the way the search index is (the same changes evict the same
 * items: this instance's at once, other instances' when the index polls), so a page never shows an
 * item the index would not. Read-only callers only: an item taken from here must not be changed;
 * writers read MongoDB. Entries also expire a minute after they were read: a page that read an
 * item just before a change was saved cannot keep the old version longer than that.
 */
@Component
class ItemCache {

	private static final Duration MAX_AGE = Duration.ofMinutes(1);

	private final Cache<String, ServiceItem> items;

	private final ServiceItemRepository repository;

	ItemCache(ServiceItemRepository repository, @Value("${tongban.search.item-cache-size:10000}") long size) {
		this.repository = repository;
		// an item document is a few kilobytes: 10,000 of them stay within tens of megabytes
		this.items = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(MAX_AGE).build();
	}

	/** The items with these codes, cached ones from memory and the rest in one MongoDB round trip. */
	Map<String, ServiceItem> byCodes(Collection<String> codes) {
		return this.items.getAll(codes, (missing) -> {
			Map<String, ServiceItem> loaded = new HashMap<>();
			this.repository.findAllById(List.copyOf(missing)).forEach((item) -> loaded.put(item.getCode(), item));
			return loaded;
		});
	}

	void evict(Collection<String> codes) {
		this.items.invalidateAll(codes);
	}

	void evictAll() {
		this.items.invalidateAll();
	}

}
