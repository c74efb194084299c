package cn.tongban.catalog;

import java.util.List;
import java.util.Map;

import cn.tongban.platform.events.EventFeed;
import cn.tongban.platform.events.FeedEvent;

import org.springframework.stereotype.Component;

/**
 * Keeps every instance's search index and item caches in step with catalogue edits: the editing
 * instance applies a saved item at once and announces it on the {@link EventFeed}; the others re-read
 * it by code when the announcement arrives.
 */
@Component
class CatalogChanges {

	static final String ITEM_CHANGED = "catalog.item-changed";

	private final EventFeed feed;

	private final ServiceItemSearch search;

	private final ServiceItemRepository items;

	CatalogChanges(EventFeed feed, ServiceItemSearch search, ServiceItemRepository items) {
		this.feed = feed;
		this.search = search;
		this.items = items;
		feed.listen(ITEM_CHANGED, this::followOtherInstance);
	}

	/** The index and caches of this instance follow at once; other instances within a poll interval. */
	ServiceItem saved(ServiceItem item) {
		this.search.apply(List.of(item));
		this.feed.publish(ITEM_CHANGED, item.getCode(), Map.of("status", item.getStatus().name()));
		return item;
	}

	private void followOtherInstance(FeedEvent event) {
		if (!event.origin().equals(this.feed.instanceId())) {
			this.items.findById(event.key()).ifPresent((item) -> this.search.apply(List.of(item)));
		}
	}

}
