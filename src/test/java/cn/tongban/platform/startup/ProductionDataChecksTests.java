package cn.tongban.platform.startup;

import java.util.List;

import cn.tongban.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database-content checks of the prod profile, run against the default run's database (which
 * holds the dev seed set, so each must refuse): demo identities and clients, and a trust list that
 * carries the simulation key pair. {@code ProductionProfileTests} shows them passing on a
 * production database.
 */
@GraphQlIntegrationTest
class ProductionDataChecksTests {

	@Autowired
	List<ProductionCheck> checks;

	@Test
	void demoIdentitiesAreRefusedNamingWhatToDo() {
		List<String> refusals = refusalsOf("DemoIdentityCheck");
		assertThat(refusals).anyMatch((r) -> r.contains("demo accounts are stored"))
			.anyMatch((r) -> r.contains("demo clients are stored"))
			.anyMatch((r) -> r.contains("demo people are stored"))
			.allMatch((r) -> r.contains("use a fresh database for production"));
	}

	@Test
	void aTrustListKeyWithAPrivateHalfIsRefused() {
		assertThat(refusalsOf("SimulationKeyCheck")).singleElement()
			.satisfies((r) -> assertThat(r).contains("LTM-2026A", "carries a private key", "code/issuers.json"));
	}

	private List<String> refusalsOf(String checkClass) {
		return this.checks.stream()
			.filter((check) -> check.getClass().getSimpleName().startsWith(checkClass))
			.findFirst()
			.orElseThrow()
			.refusals();
	}

}
