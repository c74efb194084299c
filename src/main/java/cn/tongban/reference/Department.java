package cn.tongban.reference;

import cn.tongban.platform.graphql.Bilingual;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 实施部门 at city level. Its agencies in the districts are named by pattern, because the real names
 * are not all "district + suffix": {@code {full}} is the district's full name (青岛市李沧区, 胶州市),
 * {@code {short}} its name without 区/市 (李沧), e.g. 青岛市公安局{short}分局 for the urban districts and
 * {full}公安局 for the county-level cities.
 */
@Document("departments")
public record Department(@Id String code, String number, String shortName, String name, String nameEn, String districtAgency,
		String countyCityAgency) implements Bilingual.Named {

	/** The agency that implements this department's items in the region (实施主体). */
	public String agencyIn(Region region) {
		if (region.level() == RegionLevel.CITY) {
			return this.name;
		}
		boolean countyCity = region.name().endsWith("市");
		String pattern = countyCity ? this.countyCityAgency : this.districtAgency;
		String shortName = region.name().substring(0, region.name().length() - 1);
		return pattern.replace("{full}", region.fullName()).replace("{short}", shortName);
	}

}
