package cn.tongban.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.PlatformError;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Administrators' changes to the catalogue (事项管理). Each change writes one document, guarded
 * by its {@code @Version}, so two editors never silently overwrite each other.
 */
@Service
class ServiceItemAdminService {

	private final ServiceItemRepository items;

	private final CatalogService catalog;

	private final ServiceItemRules rules;

	private final CatalogChanges changes;

	private final Clock clock;

	ServiceItemAdminService(ServiceItemRepository items, CatalogService catalog, ServiceItemRules rules,
			CatalogChanges changes, Clock clock) {
		this.items = items;
		this.catalog = catalog;
		this.rules = rules;
		this.changes = changes;
		this.clock = clock;
	}

	ServiceItem create(CreateServiceItemInput input) {
		Region region = this.catalog.region(input.region());
		if (region == null) {
			throw ApiException.onField("input.region", PlatformError.UNKNOWN_REFERENCE, "行政区划/region", input.region());
		}
		String code = ServiceItem.implementationCode(region.code(), input.basicCode());
		if (this.items.existsById(code)) {
			throw ApiException.onField("input.basicCode", CatalogError.ITEM_CODE_TAKEN, code);
		}
		ServiceItem item = new ServiceItem();
		item.setCode(code);
		item.setBasicCode(input.basicCode());
		item.setRegionCode(region.code());
		item.setLevel(region.level());
		item.setName(input.name().strip());
		item.setAliases(orEmpty(input.aliases()));
		item.setType(input.type());
		item.setDepartmentCode(input.department());
		item.setTargets(input.targets());
		item.setLifeEvents(orEmpty(input.lifeEvents()));
		item.setAcceptanceConditions(orEmpty(input.acceptanceConditions()));
		item.setLegalBasis(orEmpty(input.legalBasis()));
		item.setLegalTimeLimitDays(input.legalTimeLimitDays());
		item.setPromisedTimeLimitDays(input.promisedTimeLimitDays());
		item.setQuantityLimit((input.quantityLimit() != null) ? input.quantityLimit() : "无数量限制");
		item.setFee((input.fee() != null) ? input.fee() : Fee.FREE);
		item.setMaterials(orEmpty(input.materials()));
		item.setChannels(input.channels());
		item.setVisitsRequired(input.visitsRequired());
		item.setServiceModes(orEmpty(input.serviceModes()));
		item.setProcess(orEmpty(input.process()));
		item.setPlainSteps(orEmpty(input.plainSteps()));
		item.setCodeEnabled(Boolean.TRUE.equals(input.codeEnabled()));
		item.setResultCertificateTypeCode(input.resultCertificateType());
		item.setConsultationPhone(input.consultationPhone());
		this.rules.check(item);
		item.setImplementingAgency(
				this.catalog.department(item.getDepartmentCode()).agencyIn(region));
		item.setUpdatedAt(Instant.now(this.clock));
		try {
			return indexed(this.items.insert(item));
		}
		catch (DuplicateKeyException raced) {
			throw ApiException.onField("input.basicCode", CatalogError.ITEM_CODE_TAKEN, code);
		}
	}

	ServiceItem update(UpdateServiceItemInput input) {
		ServiceItem item = activeItem(input.code());
		if (input.expectedVersion() != null && !input.expectedVersion().equals(item.getVersion())) {
			throw ApiException.onField("input.expectedVersion", PlatformError.VERSION_CONFLICT);
		}
		apply(input.name(), (name) -> item.setName(name.strip()));
		apply(input.aliases(), item::setAliases);
		apply(input.type(), item::setType);
		apply(input.targets(), item::setTargets);
		apply(input.lifeEvents(), item::setLifeEvents);
		apply(input.acceptanceConditions(), item::setAcceptanceConditions);
		apply(input.legalBasis(), item::setLegalBasis);
		apply(input.legalTimeLimitDays(), item::setLegalTimeLimitDays);
		apply(input.promisedTimeLimitDays(), item::setPromisedTimeLimitDays);
		apply(input.quantityLimit(), item::setQuantityLimit);
		apply(input.fee(), item::setFee);
		apply(input.materials(), item::setMaterials);
		apply(input.channels(), item::setChannels);
		apply(input.visitsRequired(), item::setVisitsRequired);
		apply(input.serviceModes(), item::setServiceModes);
		apply(input.process(), item::setProcess);
		apply(input.plainSteps(), item::setPlainSteps);
		apply(input.codeEnabled(), item::setCodeEnabled);
		apply(input.resultCertificateType(), item::setResultCertificateTypeCode);
		apply(input.consultationPhone(), item::setConsultationPhone);
		if (input.department() != null && !input.department().equals(item.getDepartmentCode())) {
			item.setDepartmentCode(input.department());
			this.rules.check(item);
			Region region = this.catalog.region(item.getRegionCode());
			item.setImplementingAgency(this.catalog.department(input.department()).agencyIn(region));
		}
		else {
			this.rules.check(item);
		}
		item.setUpdatedAt(Instant.now(this.clock));
		return indexed(this.items.save(item));
	}

	ServiceItem retire(RetireServiceItemInput input) {
		ServiceItem item = activeItem(input.code());
		item.setStatus(ItemStatus.RETIRED);
		item.setRetiredReason(input.reason().strip());
		item.setUpdatedAt(Instant.now(this.clock));
		return indexed(this.items.save(item));
	}

	/** The index follows at once on this instance; other instances through the event feed. */
	private ServiceItem indexed(ServiceItem saved) {
		return this.changes.saved(saved);
	}

	private ServiceItem activeItem(String code) {
		ServiceItem item = this.catalog.getItem(code);
		if (!item.isActive()) {
			throw ApiException.onField("input.code", CatalogError.ITEM_RETIRED, code);
		}
		return item;
	}

	private static <T> void apply(T value, Consumer<T> setter) {
		if (value != null) {
			setter.accept(value);
		}
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return (list != null) ? list : List.of();
	}

}
