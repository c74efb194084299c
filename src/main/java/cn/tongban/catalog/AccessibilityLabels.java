package cn.tongban.catalog;

import java.util.List;

import cn.tongban.reference.Department;

/**
 * Screen-reader text (无障碍朗读) for items and bundles: whole sentences in the order a resident
 * decides in — what it is, who handles it, whether it can be done on the phone, how many visits,
 * how long, what it costs. Built from the guide's own fields, so it never says more than the guide.
 */
public final class AccessibilityLabels {

	private AccessibilityLabels() {
	}

	public static String item(ServiceItem item, Department department) {
		StringBuilder label = new StringBuilder(item.getName()).append('。');
		if (department != null) {
			label.append("由").append(department.name()).append("办理。");
		}
		label.append(item.getChannels().contains(Channel.MOBILE) ? "可以在手机上办理。" : "不能在手机上办理。");
		label.append((item.getVisitsRequired() == 0) ? "不用跑现场。" : "需要到现场" + item.getVisitsRequired() + "次。");
		if (item.getPromisedTimeLimitDays() > 0) {
			label.append("承诺").append(item.getPromisedTimeLimitDays()).append("个工作日内办结。");
		}
		if (item.getFee() != null) {
			label.append(item.getFee().charged() ? "收费：" + item.getFee().description() + "。" : "不收费。");
		}
		return label.toString();
	}

	public static String bundle(String name, List<String> departmentNames) {
		return name + "。一件事：填一张表、交一套材料，一次申请办理" + departmentNames.size() + "个事项，涉及"
				+ String.join("、", departmentNames.stream().distinct().toList()) + "。";
	}

}
