package cn.tongban.catalog;

import java.time.Instant;
import java.util.List;

/** A base item (事项基本目录) as written in seeds/catalog/service-items.json. */
record BaseItemSeed(String basicCode, String name, List<String> aliases, ItemType type, String departmentCode,
		List<ServiceTarget> targets, List<String> lifeEvents, List<String> acceptanceConditions,
		List<String> legalBasis, int legalTimeLimitDays, int promisedTimeLimitDays, String quantityLimit, Fee fee,
		List<Material> materials, List<Channel> channels, int visitsRequired, boolean codeEnabled,
		List<ServiceMode> serviceModes, List<String> process, List<String> plainSteps, List<RegionLevel> levels, int popularity,
		String resultCertificateTypeCode, String consultationPhone) {

	ServiceItem implementedIn(Region region, Department department, Region city, Instant now) {
		ServiceItem item = new ServiceItem();
		item.setCode(ServiceItem.implementationCode(region.code(), this.basicCode));
		item.setBasicCode(this.basicCode);
		item.setName(this.name);
		item.setAliases((this.aliases != null) ? this.aliases : List.of());
		item.setType(this.type);
		item.setDepartmentCode(this.departmentCode);
		item.setRegionCode(region.code());
		item.setLevel(region.level());
		item.setImplementingAgency(department.agencyIn(region));
		item.setTargets(this.targets);
		item.setLifeEvents(this.lifeEvents);
		item.setAcceptanceConditions(this.acceptanceConditions);
		item.setLegalBasis(this.legalBasis);
		item.setLegalTimeLimitDays(this.legalTimeLimitDays);
		item.setPromisedTimeLimitDays(this.promisedTimeLimitDays);
		item.setQuantityLimit(this.quantityLimit);
		item.setFee(this.fee);
		item.setMaterials(this.materials);
		item.setChannels(this.channels);
		item.setVisitsRequired(this.visitsRequired);
		item.setCodeEnabled(this.codeEnabled);
		item.setServiceModes(this.serviceModes);
		item.setProcess(this.process);
		item.setPlainSteps((this.plainSteps != null) ? this.plainSteps : List.of());
		item.setPopularity(popularityIn(region, city));
		item.setResultCertificateTypeCode(this.resultCertificateTypeCode);
		item.setConsultationPhone(this.consultationPhone);
		item.setUpdatedAt(now);
		return item;
	}

	/** The city figure is the seed's; a district's scales with its share of the population. */
	private int popularityIn(Region region, Region city) {
		if (region.level() == RegionLevel.CITY) {
			return this.popularity;
		}
		return (int) ((long) this.popularity * region.populationTenThousands() * 3 / city.populationTenThousands());
	}

}
