package cn.tongban.application;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Loads and checks the approval rules and the benefit policies after the seeds and before the web
 * server: a bad rule refuses the start.
 */
@Component
class ApprovalRulesCheck implements SmartLifecycle {

	private final ApprovalRules rules;

	private final BenefitMatching benefits;

	private volatile boolean running;

	ApprovalRulesCheck(ApprovalRules rules, BenefitMatching benefits) {
		this.rules = rules;
		this.benefits = benefits;
	}

	@Override
	public void start() {
		this.rules.load();
		this.benefits.load();
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

	/** After the seeds (SeedRunner), before the web server. */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE + 1200;
	}

}
