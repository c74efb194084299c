package cn.tongban.hall;

import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A service hall (政务服务大厅 / 便民服务中心 / 便民服务站): where it is, when it is open, its window
 * groups, and the items it handles — every item implemented in its region ({@code allRegionItems},
 * the 政务服务中心) or the listed basic items (the smaller halls); {@code kiosks} are the client ids of
 * its check-in terminals (取号机), so a kiosk's hall comes from its registration, never from input.
 */
@Document("service_halls")
public record ServiceHall(@Id String code, String name, HallLevel level, String regionCode, String address,
		GeoPoint location, String phone, OpeningHours hours, List<WindowGroup> windowGroups, boolean allRegionItems,
		Set<String> itemBasicCodes, List<String> kiosks) {

	public ServiceHall {
		windowGroups = List.copyOf(windowGroups);
		itemBasicCodes = Set.copyOf(itemBasicCodes);
		kiosks = (kiosks != null) ? List.copyOf(kiosks) : List.of();
	}

	/** Whether a resident can handle the item (by basic code, in the item's region) here. */
	public boolean handles(String basicCode, String itemRegionCode) {
		boolean sameArea = itemRegionCode.equals(this.regionCode) || isCityWide(itemRegionCode);
		return sameArea && (this.allRegionItems || this.itemBasicCodes.contains(basicCode));
	}

	/** A city-level item (市级事项, region 370200) is handled in every district's hall too (全城通办). */
	private static boolean isCityWide(String itemRegionCode) {
		return itemRegionCode.endsWith("00");
	}

	public WindowGroup windowGroup(String groupCode) {
		return this.windowGroups.stream().filter((g) -> g.code().equals(groupCode)).findFirst().orElse(null);
	}

}
