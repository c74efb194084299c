package cn.tongban.catalog;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** 实施部门 at city level; district agencies are named from {@code districtAgencySuffix}. */
@Document("departments")
public record Department(@Id String code, String number, String shortName, String name,
		String districtAgencySuffix) {

	String agencyIn(Region region) {
		return (region.level() == RegionLevel.CITY) ? this.name : region.fullName() + this.districtAgencySuffix;
	}

}
