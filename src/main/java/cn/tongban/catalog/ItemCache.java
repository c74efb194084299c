package cn.tongban.catalog;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The most recently shown service items, for search pages: a page of results is read from here
 * instead of MongoDB; and the home screen's hot lists, so the screen every app open shows does not
 * sort the catalogue per request. Kept in step the way the search index is (the same changes evict the same
 * items: this instance's at once, other instances' when the index polls), so a page never shows an
 * item the index would not. Items are immutable, so sharing one instance is safe; writers read
 * MongoDB. Entries also expire a minute after they were read: a page that read an
 * item just before a change was saved cannot keep the old version longer than that.
 */
@Component
class ItemCache {

	private static final Duration MAX_AGE = Duration.ofMinutes(1);

	private final Cache<String, ServiceItem> items;

	/** The most popular items per region ("" for all), the home screen's list: evicted with any change. */
	private final Cache<String, List<ServiceItem>> hotLists = Caffeine.newBuilder()
		.maximumSize(100)
		.expireAfterWrite(MAX_AGE)
		.build();

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

	/** The hot list of a region (null: all regions), loaded once until an item changes or a minute passes. */
	List<ServiceItem> hot(String regionCode, Function<String, List<ServiceItem>> loader) {
		return this.hotLists.get((regionCode != null) ? regionCode : "", (key) -> List.copyOf(loader.apply(regionCode)));
	}

	void evict(Collection<String> codes) {
		this.items.invalidateAll(codes);
		this.hotLists.invalidateAll();
	}

	void evictAll() {
		this.items.invalidateAll();
		this.hotLists.invalidateAll();
	}

}
