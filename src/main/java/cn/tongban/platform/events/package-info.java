/**
 * The instances' shared event feed (实例间事件): a change made on one instance (an application's
 * status, a catalogue item) reaches the listeners of every instance on the same database, for
 * subscriptions, search-index updates and cache eviction.
 */
@NamedInterface("events")
package cn.tongban.platform.events;

import org.springframework.modulith.NamedInterface;
