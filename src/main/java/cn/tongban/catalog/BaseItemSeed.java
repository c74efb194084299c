package cn.tongban.catalog;

import java.time.Instant;
import java.util.List;

import cn.tongban.reference.Department;
import cn.tongban.reference.Region;
import cn.tongban.reference.RegionLevel;
import cn.tongban.reference.ServiceTarget;

/** A base item (事项基本目录) as written in seeds/catalog/service-items.json. */
record BaseItemSeed(String basicCode, String name, String nameEn, List<String> aliases, ItemType type, String departmentCode,
		List<ServiceTarget> targets, List<String> lifeEvents, List<String> acceptanceConditions,
		List<String> legalBasis, int legalTimeLimitDays, int promisedTimeLimitDays, String quantityLimit, Fee fee,
		List<Material> materials, List<Channel> channels, int visitsRequired, boolean codeEnabled,
		List<ServiceMode> serviceModes, List<String> process, List<String> plainSteps, List<RegionLevel> levels, int popularity,
		String resultCertificateTypeCode, String consultationPhone) {

	ServiceItem implementedIn(Region region, Department department, Region city, Instant now) {
		return ServiceItem.builder()
			.code(ServiceItem.implementationCode(region.code(), this.basicCode))
			.basicCode(this.basicCode)
			.name(this.name)
			.nameEn(this.nameEn)
			.aliases((this.aliases != null) ? this.aliases : List.of())
			.type(this.type)
			.departmentCode(this.departmentCode)
			.regionCode(region.code())
			.level(region.level())
			.implementingAgency(department.agencyIn(region))
			.targets(this.targets)
			.lifeEvents(this.lifeEvents)
			.acceptanceConditions(this.acceptanceConditions)
			.legalBasis(this.legalBasis)
			.legalTimeLimitDays(this.legalTimeLimitDays)
			.promisedTimeLimitDays(this.promisedTimeLimitDays)
			.quantityLimit(this.quantityLimit)
			.fee(this.fee)
			.materials(this.materials)
			.channels(this.channels)
			.visitsRequired(this.visitsRequired)
			.codeEnabled(this.codeEnabled)
			.serviceModes(this.serviceModes)
			.process(this.process)
			.plainSteps((this.plainSteps != null) ? this.plainSteps : List.of())
			.popularity(popularityIn(region, city))
			.resultCertificateTypeCode(this.resultCertificateTypeCode)
			.consultationPhone(this.consultationPhone)
			.updatedAt(now)
			.build();
	}

	/** The city figure is the seed's; a district's scales with its share of the population. */
	private int popularityIn(Region region, Region city) {
		if (region.level() == RegionLevel.CITY) {
			return this.popularity;
		}
		return (int) ((long) this.popularity * region.populationTenThousands() * 3 / city.populationTenThousands());
	}

}
