package cn.tongban.platform.seed;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The order seed steps run in: after what they need, side by side otherwise, the first failure refusing the start. */
class SeedRunnerTests {

	private final List<String> log = new CopyOnWriteArrayList<>();

	@Test
	void aStepStartsOnlyOnceTheStepsOfLowerOrderAreDone() {
		runner(step(5, "identity"), step(15, "certificates"), step(25, "bundles")).start();

		assertThat(this.log).containsExactly("identity", "certificates", "bundles");
	}

	@Test
	void aStepThatNeedsNothingRunsBesideTheChainBeforeIt() throws InterruptedException {
		CountDownLatch catalogueStarted = new CountDownLatch(1);
		Seeder certificates = new Step(15, "certificates") {
			@Override
			public void seed(SeedFiles files) {
				// finishes only once the catalogue step started: proof the two overlap
				await(catalogueStarted);
				super.seed(files);
			}
		};
		Seeder catalogue = new Step(20, "catalogue") {
			@Override
			public void seed(SeedFiles files) {
				catalogueStarted.countDown();
				super.seed(files);
			}

			@Override
			public boolean needs(Seeder other) {
				return false;
			}
		};

		runner(step(5, "identity"), certificates, catalogue, step(25, "bundles")).start();

		// had the catalogue waited for the certificates, their step would have failed waiting for it
		assertThat(this.log).containsExactlyInAnyOrder("identity", "certificates", "catalogue", "bundles")
			.endsWith("bundles");
		assertThat(this.log.indexOf("identity")).isLessThan(this.log.indexOf("certificates"));
	}

	@Test
	void theFirstFailureRefusesTheStartAndItsDependentsDoNotRun() {
		Seeder broken = new Step(10, "types") {
			@Override
			public void seed(SeedFiles files) {
				throw new IllegalStateException("Unknown certificate type X");
			}
		};

		assertThatIllegalStateException().isThrownBy(() -> runner(step(5, "identity"), broken, step(15, "certificates")).start())
			.withMessage("Unknown certificate type X");
		assertThat(this.log).containsExactly("identity");
	}

	private SeedRunner runner(Seeder... seeders) {
		return new SeedRunner(List.of(seeders), new DefaultResourceLoader(), JsonMapper.builder().build(), null, Clock.systemUTC(),
				List.of("classpath:seeds/"));
	}

	private Seeder step(int order, String name) {
		return new Step(order, name);
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).as("the other step started").isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private class Step implements Seeder {

		private final int order;

		private final String name;

		Step(int order, String name) {
			this.order = order;
			this.name = name;
		}

		@Override
		public int order() {
			return this.order;
		}

		@Override
		public void seed(SeedFiles files) {
			SeedRunnerTests.this.log.add(this.name);
		}

	}

}
