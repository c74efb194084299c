package cn.tongban.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import cn.tongban.platform.graphql.Bilingual;
import cn.tongban.reference.RegionLevel;
import cn.tongban.reference.ServiceTarget;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 政务服务事项 as implemented by one agency in one region (实施清单), with its full guide
 * (办事指南). The id is the implementation code: region code + basic code, so the same basic
 * item has one document per implementing region (三级四同: same name, type and basis everywhere).
 * <p>
 * Immutable: the item cache hands the same instance to every request, so a change is a new
 * instance made with {@link #toBuilder()}; lists are unmodifiable copies.
 */
@Document("service_items")
@CompoundIndex(name = "status_popularity", def = "{'status': 1, 'popularity': -1, '_id': 1}")
@CompoundIndex(name = "department_status_popularity", def = "{'departmentCode': 1, 'status': 1, 'popularity': -1}")
@CompoundIndex(name = "region_status_popularity", def = "{'regionCode': 1, 'status': 1, 'popularity': -1}")
@CompoundIndex(name = "life_event_status_popularity", def = "{'lifeEvents': 1, 'status': 1, 'popularity': -1}")
public final class ServiceItem implements Bilingual {

	@Id
	private final String code;

	@Indexed
	private final String basicCode;

	private final String name;

	/** The name in English (seeds), served with {@code Accept-Language: en}; null where not translated. */
	private final String nameEn;

	/** 别名: other names residents know the item by. */
	private final List<String> aliases;

	private final ItemType type;

	private final String departmentCode;

	private final String regionCode;

	private final RegionLevel level;

	private final String implementingAgency;

	private final List<ServiceTarget> targets;

	private final List<String> lifeEvents;

	private final List<String> acceptanceConditions;

	private final List<String> legalBasis;

	private final int legalTimeLimitDays;

	private final int promisedTimeLimitDays;

	private final String quantityLimit;

	private final Fee fee;

	private final List<Material> materials;

	private final List<Channel> channels;

	private final int visitsRequired;

	private final List<ServiceMode> serviceModes;

	private final List<String> process;

	/** 办事步骤 in plain words (长辈版): short sentences of what the resident does; empty where not written. */
	private final List<String> plainSteps;

	private final boolean codeEnabled;

	private final int popularity;

	private final String resultCertificateTypeCode;

	private final String consultationPhone;

	private final ItemStatus status;

	private final String retiredReason;

	/** Set on every write; other instances' search indexes follow changes by it. */
	@Indexed
	private final Instant updatedAt;

	@Version
	private final Long version;

	@PersistenceCreator
	ServiceItem(String code, String basicCode, String name, String nameEn, List<String> aliases, ItemType type,
			String departmentCode, String regionCode, RegionLevel level, String implementingAgency,
			List<ServiceTarget> targets, List<String> lifeEvents, List<String> acceptanceConditions,
			List<String> legalBasis, int legalTimeLimitDays, int promisedTimeLimitDays, String quantityLimit,
			Fee fee, List<Material> materials, List<Channel> channels, int visitsRequired,
			List<ServiceMode> serviceModes, List<String> process, List<String> plainSteps, boolean codeEnabled,
			int popularity, String resultCertificateTypeCode, String consultationPhone, ItemStatus status,
			String retiredReason, Instant updatedAt, Long version) {
		this.code = code;
		this.basicCode = basicCode;
		this.name = name;
		this.nameEn = nameEn;
		this.aliases = (aliases != null) ? copy(aliases) : List.of();
		this.type = type;
		this.departmentCode = departmentCode;
		this.regionCode = regionCode;
		this.level = level;
		this.implementingAgency = implementingAgency;
		this.targets = copy(targets);
		this.lifeEvents = copy(lifeEvents);
		this.acceptanceConditions = copy(acceptanceConditions);
		this.legalBasis = copy(legalBasis);
		this.legalTimeLimitDays = legalTimeLimitDays;
		this.promisedTimeLimitDays = promisedTimeLimitDays;
		this.quantityLimit = quantityLimit;
		this.fee = fee;
		this.materials = copy(materials);
		this.channels = copy(channels);
		this.visitsRequired = visitsRequired;
		this.serviceModes = copy(serviceModes);
		this.process = copy(process);
		this.plainSteps = (plainSteps != null) ? copy(plainSteps) : List.of();
		this.codeEnabled = codeEnabled;
		this.popularity = popularity;
		this.resultCertificateTypeCode = resultCertificateTypeCode;
		this.consultationPhone = consultationPhone;
		this.status = (status != null) ? status : ItemStatus.ACTIVE;
		this.retiredReason = retiredReason;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	private static <T> List<T> copy(List<T> list) {
		return (list != null) ? Collections.unmodifiableList(new ArrayList<>(list)) : null;
	}

	/** An item to fill in; {@code status} starts ACTIVE. */
	public static Builder builder() {
		return new Builder();
	}

	/** A builder holding this item's values, to make a changed copy. */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.code = this.code;
		builder.basicCode = this.basicCode;
		builder.name = this.name;
		builder.nameEn = this.nameEn;
		builder.aliases = this.aliases;
		builder.type = this.type;
		builder.departmentCode = this.departmentCode;
		builder.regionCode = this.regionCode;
		builder.level = this.level;
		builder.implementingAgency = this.implementingAgency;
		builder.targets = this.targets;
		builder.lifeEvents = this.lifeEvents;
		builder.acceptanceConditions = this.acceptanceConditions;
		builder.legalBasis = this.legalBasis;
		builder.legalTimeLimitDays = this.legalTimeLimitDays;
		builder.promisedTimeLimitDays = this.promisedTimeLimitDays;
		builder.quantityLimit = this.quantityLimit;
		builder.fee = this.fee;
		builder.materials = this.materials;
		builder.channels = this.channels;
		builder.visitsRequired = this.visitsRequired;
		builder.serviceModes = this.serviceModes;
		builder.process = this.process;
		builder.plainSteps = this.plainSteps;
		builder.codeEnabled = this.codeEnabled;
		builder.popularity = this.popularity;
		builder.resultCertificateTypeCode = this.resultCertificateTypeCode;
		builder.consultationPhone = this.consultationPhone;
		builder.status = this.status;
		builder.retiredReason = this.retiredReason;
		builder.updatedAt = this.updatedAt;
		builder.version = this.version;
		return builder;
	}

	/** The copy Spring Data stores after it set the version (optimistic locking). */
	ServiceItem withVersion(Long version) {
		return toBuilder().version(version).build();
	}

	public static String implementationCode(String regionCode, String basicCode) {
		return regionCode + basicCode;
	}

	public boolean isActive() {
		return this.status == ItemStatus.ACTIVE;
	}

	public String getCode() {
		return this.code;
	}

	/** Its id for {@code node(id)}: the code. */
	public String getId() {
		return this.code;
	}

	public String getBasicCode() {
		return this.basicCode;
	}

	public String getName() {
		return this.name;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	@Override
	public String nameIn(Locale locale) {
		return Bilingual.pick(locale, this.name, this.nameEn);
	}

	public List<String> getAliases() {
		return this.aliases;
	}

	public ItemType getType() {
		return this.type;
	}

	public String getDepartmentCode() {
		return this.departmentCode;
	}

	public String getRegionCode() {
		return this.regionCode;
	}

	public RegionLevel getLevel() {
		return this.level;
	}

	public String getImplementingAgency() {
		return this.implementingAgency;
	}

	public List<ServiceTarget> getTargets() {
		return this.targets;
	}

	public List<String> getLifeEvents() {
		return this.lifeEvents;
	}

	public List<String> getAcceptanceConditions() {
		return this.acceptanceConditions;
	}

	public List<String> getLegalBasis() {
		return this.legalBasis;
	}

	public int getLegalTimeLimitDays() {
		return this.legalTimeLimitDays;
	}

	public int getPromisedTimeLimitDays() {
		return this.promisedTimeLimitDays;
	}

	public String getQuantityLimit() {
		return this.quantityLimit;
	}

	public Fee getFee() {
		return this.fee;
	}

	public List<Material> getMaterials() {
		return this.materials;
	}

	public List<Channel> getChannels() {
		return this.channels;
	}

	public int getVisitsRequired() {
		return this.visitsRequired;
	}

	public List<ServiceMode> getServiceModes() {
		return this.serviceModes;
	}

	public List<String> getProcess() {
		return this.process;
	}

	public List<String> getPlainSteps() {
		return this.plainSteps;
	}

	public boolean isCodeEnabled() {
		return this.codeEnabled;
	}

	public int getPopularity() {
		return this.popularity;
	}

	public String getResultCertificateTypeCode() {
		return this.resultCertificateTypeCode;
	}

	public String getConsultationPhone() {
		return this.consultationPhone;
	}

	public ItemStatus getStatus() {
		return this.status;
	}

	public String getRetiredReason() {
		return this.retiredReason;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public Long getVersion() {
		return this.version;
	}

	/** Collects an item's values by name; {@link #build()} makes the immutable item. */
	public static final class Builder {

		private String code;

		private String basicCode;

		private String name;

		private String nameEn;

		private List<String> aliases;

		private ItemType type;

		private String departmentCode;

		private String regionCode;

		private RegionLevel level;

		private String implementingAgency;

		private List<ServiceTarget> targets;

		private List<String> lifeEvents;

		private List<String> acceptanceConditions;

		private List<String> legalBasis;

		private int legalTimeLimitDays;

		private int promisedTimeLimitDays;

		private String quantityLimit;

		private Fee fee;

		private List<Material> materials;

		private List<Channel> channels;

		private int visitsRequired;

		private List<ServiceMode> serviceModes;

		private List<String> process;

		private List<String> plainSteps;

		private boolean codeEnabled;

		private int popularity;

		private String resultCertificateTypeCode;

		private String consultationPhone;

		private ItemStatus status = ItemStatus.ACTIVE;

		private String retiredReason;

		private Instant updatedAt;

		private Long version;

		private Builder() {
		}

		public Builder code(String code) {
			this.code = code;
			return this;
		}

		public Builder basicCode(String basicCode) {
			this.basicCode = basicCode;
			return this;
		}

		public Builder name(String name) {
			this.name = name;
			return this;
		}

		public Builder nameEn(String nameEn) {
			this.nameEn = nameEn;
			return this;
		}

		public Builder aliases(List<String> aliases) {
			this.aliases = aliases;
			return this;
		}

		public Builder type(ItemType type) {
			this.type = type;
			return this;
		}

		public Builder departmentCode(String departmentCode) {
			this.departmentCode = departmentCode;
			return this;
		}

		public Builder regionCode(String regionCode) {
			this.regionCode = regionCode;
			return this;
		}

		public Builder level(RegionLevel level) {
			this.level = level;
			return this;
		}

		public Builder implementingAgency(String implementingAgency) {
			this.implementingAgency = implementingAgency;
			return this;
		}

		public Builder targets(List<ServiceTarget> targets) {
			this.targets = targets;
			return this;
		}

		public Builder lifeEvents(List<String> lifeEvents) {
			this.lifeEvents = lifeEvents;
			return this;
		}

		public Builder acceptanceConditions(List<String> acceptanceConditions) {
			this.acceptanceConditions = acceptanceConditions;
			return this;
		}

		public Builder legalBasis(List<String> legalBasis) {
			this.legalBasis = legalBasis;
			return this;
		}

		public Builder legalTimeLimitDays(int legalTimeLimitDays) {
			this.legalTimeLimitDays = legalTimeLimitDays;
			return this;
		}

		public Builder promisedTimeLimitDays(int promisedTimeLimitDays) {
			this.promisedTimeLimitDays = promisedTimeLimitDays;
			return this;
		}

		public Builder quantityLimit(String quantityLimit) {
			this.quantityLimit = quantityLimit;
			return this;
		}

		public Builder fee(Fee fee) {
			this.fee = fee;
			return this;
		}

		public Builder materials(List<Material> materials) {
			this.materials = materials;
			return this;
		}

		public Builder channels(List<Channel> channels) {
			this.channels = channels;
			return this;
		}

		public Builder visitsRequired(int visitsRequired) {
			this.visitsRequired = visitsRequired;
			return this;
		}

		public Builder serviceModes(List<ServiceMode> serviceModes) {
			this.serviceModes = serviceModes;
			return this;
		}

		public Builder process(List<String> process) {
			this.process = process;
			return this;
		}

		public Builder plainSteps(List<String> plainSteps) {
			this.plainSteps = plainSteps;
			return this;
		}

		public Builder codeEnabled(boolean codeEnabled) {
			this.codeEnabled = codeEnabled;
			return this;
		}

		public Builder popularity(int popularity) {
			this.popularity = popularity;
			return this;
		}

		public Builder resultCertificateTypeCode(String resultCertificateTypeCode) {
			this.resultCertificateTypeCode = resultCertificateTypeCode;
			return this;
		}

		public Builder consultationPhone(String consultationPhone) {
			this.consultationPhone = consultationPhone;
			return this;
		}

		public Builder status(ItemStatus status) {
			this.status = status;
			return this;
		}

		public Builder retiredReason(String retiredReason) {
			this.retiredReason = retiredReason;
			return this;
		}

		public Builder updatedAt(Instant updatedAt) {
			this.updatedAt = updatedAt;
			return this;
		}

		public Builder version(Long version) {
			this.version = version;
			return this;
		}

		public ServiceItem build() {
			return new ServiceItem(this.code, this.basicCode, this.name, this.nameEn, this.aliases, this.type,
					this.departmentCode, this.regionCode, this.level, this.implementingAgency, this.targets,
					this.lifeEvents, this.acceptanceConditions, this.legalBasis, this.legalTimeLimitDays,
					this.promisedTimeLimitDays, this.quantityLimit, this.fee, this.materials, this.channels,
					this.visitsRequired, this.serviceModes, this.process, this.plainSteps, this.codeEnabled,
					this.popularity, this.resultCertificateTypeCode, this.consultationPhone, this.status,
					this.retiredReason, this.updatedAt, this.version);
		}

	}

}
