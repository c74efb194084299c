package cn.tongban.catalog;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code searchIndex} in {@code /actuator/health}: OUT_OF_SERVICE while the index loads after a
 * start (searches wait meanwhile), DOWN while a failed load is retried, UP once loaded, so a load
 * balancer sends traffic when search answers too.
 */
@Component("searchIndexHealthIndicator")
class SearchIndexHealthIndicator implements HealthIndicator {

	private final ServiceItemSearch search;

	SearchIndexHealthIndicator(ServiceItemSearch search) {
		this.search = search;
	}

	@Override
	public Health health() {
		ServiceItemSearch.LoadState state = this.search.loadState();
		if (state.loaded()) {
			return Health.up().withDetail("items", state.items()).build();
		}
		if (state.failure() != null) {
			return Health.down().withDetail("load", state.failure()).build();
		}
		return Health.outOfService().withDetail("load", "in progress").build();
	}

}
