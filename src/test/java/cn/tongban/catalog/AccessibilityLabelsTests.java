package cn.tongban.catalog;

import java.util.List;

import cn.tongban.reference.Department;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessibilityLabelsTests {

	private static final Department YB = new Department("YB", "13", "医保", "青岛市医疗保障局", null, null, null);

	@Test
	void anItemIsReadInTheOrderAResidentDecidesIn() {
		ServiceItem item = ServiceItem.builder()
			.name("异地就医备案")
			.channels(List.of(Channel.MOBILE, Channel.COUNTER))
			.visitsRequired(0)
			.promisedTimeLimitDays(1)
			.fee(new Fee(false, "免费"))
			.build();

		assertThat(AccessibilityLabels.item(item, YB))
			.isEqualTo("异地就医备案。由青岛市医疗保障局办理。可以在手机上办理。不用跑现场。承诺1个工作日内办结。不收费。");
	}

	@Test
	void aCounterOnlyItemSaysHowOftenToGoAndWhatItCosts() {
		ServiceItem item = ServiceItem.builder()
			.name("机动车驾驶证审验")
			.channels(List.of(Channel.COUNTER))
			.visitsRequired(1)
			.fee(new Fee(true, "工本费10元"))
			.build();

		assertThat(AccessibilityLabels.item(item, null))
			.isEqualTo("机动车驾驶证审验。不能在手机上办理。需要到现场1次。收费：工本费10元。");
	}

	@Test
	void aBundleNamesHowManyItemsAndEachDepartmentOnce() {
		assertThat(AccessibilityLabels.bundle("新生儿出生一件事", List.of("青岛市卫生健康委员会", "青岛市公安局", "青岛市公安局")))
			.isEqualTo("新生儿出生一件事。一件事：填一张表、交一套材料，一次申请办理3个事项，涉及青岛市卫生健康委员会、青岛市公安局。");
	}

}
