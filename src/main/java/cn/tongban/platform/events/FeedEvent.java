package cn.tongban.platform.events;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the feed: thin (a kind, the key of what changed and a few values), so a listener
 * reads anything else from its own module.
 *
 * @param sequence position in the feed, gap-free in allocation (a writer that died may leave a hole)
 * @param kind what happened, e.g. {@code application.changed}
 * @param key the id of what changed
 * @param data small values listeners need without a read (strings, numbers)
 * @param origin the instance that published it
 * @param at when it was published
 */
public record FeedEvent(long sequence, String kind, String key, Map<String, Object> data, String origin, Instant at) {

	public String text(String name) {
		Object value = this.data.get(name);
		return (value != null) ? value.toString() : null;
	}

	public long number(String name) {
		return (this.data.get(name) instanceof Number value) ? value.longValue() : 0;
	}

}
