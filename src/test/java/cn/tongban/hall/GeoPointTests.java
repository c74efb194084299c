package cn.tongban.hall;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class GeoPointTests {

	@Test
	void distancesAreGreatCircleMeters() {
		GeoPoint a = new GeoPoint(36.0, 120.0);
		assertThat(a.metersTo(new GeoPoint(37.0, 120.0))).isCloseTo(111_195, within(50.0));
		// a degree of longitude is shorter by cos(latitude)
		assertThat(a.metersTo(new GeoPoint(36.0, 121.0))).isCloseTo(111_195 * Math.cos(Math.toRadians(36)), within(200.0));
		assertThat(a.metersTo(a)).isZero();
	}

	@Test
	void aPointOutsideChinaIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(120.38, 36.06));
	}

}
