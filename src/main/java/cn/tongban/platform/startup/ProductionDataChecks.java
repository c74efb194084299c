package cn.tongban.platform.startup;

import java.util.List;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link ProductionCheck} in the prod profile after seeding (so an operator's seed
 * overlay is checked too) and before the web server takes a request.
 */
@Component
@Profile("prod")
class ProductionDataChecks implements SmartLifecycle {

	private final List<ProductionCheck> checks;

	private volatile boolean running;

	ProductionDataChecks(List<ProductionCheck> checks) {
		this.checks = checks;
	}

	@Override
	public void start() {
		List<String> refusals = this.checks.stream().flatMap((check) -> check.refusals().stream()).toList();
		if (!refusals.isEmpty()) {
			throw new StartupRefusal("the prod profile refuses development data in the database: "
					+ String.join("; ", refusals));
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** After seeding ({@code SeedRunner}: Integer.MIN_VALUE + 1000), long before the web server. */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE + 1500;
	}

}
