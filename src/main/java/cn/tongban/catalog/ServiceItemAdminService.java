package cn.tongban.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.PlatformError;
import cn.tongban.reference.References;
import cn.tongban.reference.Region;

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

	private final References references;

	private final ServiceItemRules rules;

	private final CatalogChanges changes;

	private final Clock clock;

	ServiceItemAdminService(ServiceItemRepository items, CatalogService catalog, References references,
			ServiceItemRules rules, CatalogChanges changes, Clock clock) {
		this.items = items;
		this.catalog = catalog;
		this.references = references;
		this.rules = rules;
		this.changes = changes;
		this.clock = clock;
	}

	ServiceItem create(CreateServiceItemInput input) {
		Region region = this.references.requireRegion(input.region(), "input.region");
		String code = ServiceItem.implementationCode(region.code(), input.basicCode());
		if (this.items.existsById(code)) {
			throw ApiException.onField("input.basicCode", CatalogError.ITEM_CODE_TAKEN, code);
		}
		ServiceItem.Builder draft = ServiceItem.builder()
			.code(code)
			.basicCode(input.basicCode())
			.regionCode(region.code())
			.level(region.level())
			.name(input.name().strip())
			.nameEn((input.nameEn() != null) ? input.nameEn().strip() : null)
			.aliases(orEmpty(input.aliases()))
			.type(input.type())
			.departmentCode(input.department())
			.targets(input.targets())
			.lifeEvents(orEmpty(input.lifeEvents()))
			.acceptanceConditions(orEmpty(input.acceptanceConditions()))
			.legalBasis(orEmpty(input.legalBasis()))
			.legalTimeLimitDays(input.legalTimeLimitDays())
			.promisedTimeLimitDays(input.promisedTimeLimitDays())
			.quantityLimit((input.quantityLimit() != null) ? input.quantityLimit() : "无数量限制")
			.fee((input.fee() != null) ? input.fee() : Fee.FREE)
			.materials(orEmpty(input.materials()))
			.channels(input.channels())
			.visitsRequired(input.visitsRequired())
			.serviceModes(orEmpty(input.serviceModes()))
			.process(orEmpty(input.process()))
			.plainSteps(orEmpty(input.plainSteps()))
			.codeEnabled(Boolean.TRUE.equals(input.codeEnabled()))
			.resultCertificateTypeCode(input.resultCertificateType())
			.consultationPhone(input.consultationPhone());
		this.rules.check(draft.build());
		ServiceItem item = draft.implementingAgency(this.references.department(input.department()).agencyIn(region))
			.updatedAt(Instant.now(this.clock))
			.build();
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
		ServiceItem.Builder changed = item.toBuilder();
		apply(input.name(), (name) -> changed.name(name.strip()));
		apply(input.nameEn(), (nameEn) -> changed.nameEn(nameEn.strip()));
		apply(input.aliases(), changed::aliases);
		apply(input.type(), changed::type);
		apply(input.targets(), changed::targets);
		apply(input.lifeEvents(), changed::lifeEvents);
		apply(input.acceptanceConditions(), changed::acceptanceConditions);
		apply(input.legalBasis(), changed::legalBasis);
		apply(input.legalTimeLimitDays(), changed::legalTimeLimitDays);
		apply(input.promisedTimeLimitDays(), changed::promisedTimeLimitDays);
		apply(input.quantityLimit(), changed::quantityLimit);
		apply(input.fee(), changed::fee);
		apply(input.materials(), changed::materials);
		apply(input.channels(), changed::channels);
		apply(input.visitsRequired(), changed::visitsRequired);
		apply(input.serviceModes(), changed::serviceModes);
		apply(input.process(), changed::process);
		apply(input.plainSteps(), changed::plainSteps);
		apply(input.codeEnabled(), changed::codeEnabled);
		apply(input.resultCertificateType(), changed::resultCertificateTypeCode);
		apply(input.consultationPhone(), changed::consultationPhone);
		boolean moved = input.department() != null && !input.department().equals(item.getDepartmentCode());
		if (moved) {
			changed.departmentCode(input.department());
		}
		this.rules.check(changed.build());
		if (moved) {
			Region region = this.references.region(item.getRegionCode());
			changed.implementingAgency(this.references.department(input.department()).agencyIn(region));
		}
		ServiceItem updated = changed.updatedAt(Instant.now(this.clock)).build();
		return indexed(this.items.save(updated));
	}

	ServiceItem retire(RetireServiceItemInput input) {
		ServiceItem item = activeItem(input.code());
		return indexed(this.items.save(item.toBuilder()
			.status(ItemStatus.RETIRED)
			.retiredReason(input.reason().strip())
			.updatedAt(Instant.now(this.clock))
			.build()));
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
