package cn.tongban.reference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** District agencies in their real form (实施主体). */
class DepartmentTests {

	private static final Region CITY = new Region("370200", "青岛市", "Qingdao", "青岛市", RegionLevel.CITY, null, 1034);

	private static final Region LICANG = new Region("370213", "李沧区", "Licang District", "青岛市李沧区",
			RegionLevel.DISTRICT, "370200", 76);

	private static final Region LAIXI = new Region("370285", "莱西市", "Laixi", "莱西市", RegionLevel.DISTRICT, "370200", 71);

	@Test
	void policeTaxAndEnvironmentAreNamedAsTheyAreReally() {
		Department police = new Department("GA", "001", "公安", "青岛市公安局", "Qingdao Public Security Bureau",
				"青岛市公安局{short}分局", "{full}公安局");
		assertThat(police.agencyIn(CITY)).isEqualTo("青岛市公安局");
		assertThat(police.agencyIn(LICANG)).isEqualTo("青岛市公安局李沧分局");
		assertThat(police.agencyIn(LAIXI)).isEqualTo("莱西市公安局");
		Department tax = new Department("SW", "011", "税务", "国家税务总局青岛市税务局", null, "国家税务总局{full}税务局", "国家税务总局{full}税务局");
		assertThat(tax.agencyIn(LICANG)).isEqualTo("国家税务总局青岛市李沧区税务局");
		assertThat(tax.agencyIn(LAIXI)).isEqualTo("国家税务总局莱西市税务局");
		Department civil = new Department("MZ", "004", "民政", "青岛市民政局", null, "{full}民政局", "{full}民政局");
		assertThat(civil.agencyIn(LICANG)).isEqualTo("青岛市李沧区民政局");
	}

}
