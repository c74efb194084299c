package cn.tongban.catalog;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 政务服务事项 as implemented by one agency in one region (实施清单), with its full guide
 * (办事指南). The id is the implementation code: region code + basic code, so the same basic
 * item has one document per implementing region (三级四同: same name, type and basis everywhere).
 */
@Document("service_items")
@CompoundIndex(name = "status_popularity", def = "{'status': 1, 'popularity': -1, '_id': 1}")
@CompoundIndex(name = "department_status_popularity", def = "{'departmentCode': 1, 'status': 1, 'popularity': -1}")
@CompoundIndex(name = "region_status_popularity", def = "{'regionCode': 1, 'status': 1, 'popularity': -1}")
@CompoundIndex(name = "life_event_status_popularity", def = "{'lifeEvents': 1, 'status': 1, 'popularity': -1}")
public class ServiceItem {

	@Id
	private String code;

	@Indexed
	private String basicCode;

	private String name;

	/** 别名: other names residents know the item by. */
	private List<String> aliases = List.of();

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

	/** 办事步骤 in plain words (长辈版): short sentences of what the resident does; empty where not written. */
	private List<String> plainSteps;

	private boolean codeEnabled;

	private int popularity;

	private String resultCertificateTypeCode;

	private String consultationPhone;

	private ItemStatus status = ItemStatus.ACTIVE;

	private String retiredReason;

	/** Set on every write; other instances' search indexes follow changes by it. */
	@Indexed
	private Instant updatedAt;

	@Version
	private Long version;

	public static String implementationCode(String regionCode, String basicCode) {
		return regionCode + basicCode;
	}

	public boolean isActive() {
		return this.status == ItemStatus.ACTIVE;
	}

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getBasicCode() {
		return this.basicCode;
	}

	public void setBasicCode(String basicCode) {
		this.basicCode = basicCode;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public List<String> getAliases() {
		return this.aliases;
	}

	public void setAliases(List<String> aliases) {
		this.aliases = aliases;
	}

	public ItemType getType() {
		return this.type;
	}

	public void setType(ItemType type) {
		this.type = type;
	}

	public String getDepartmentCode() {
		return this.departmentCode;
	}

	public void setDepartmentCode(String departmentCode) {
		this.departmentCode = departmentCode;
	}

	public String getRegionCode() {
		return this.regionCode;
	}

	public void setRegionCode(String regionCode) {
		this.regionCode = regionCode;
	}

	public RegionLevel getLevel() {
		return this.level;
	}

	public void setLevel(RegionLevel level) {
		this.level = level;
	}

	public String getImplementingAgency() {
		return this.implementingAgency;
	}

	public void setImplementingAgency(String implementingAgency) {
		this.implementingAgency = implementingAgency;
	}

	public List<ServiceTarget> getTargets() {
		return this.targets;
	}

	public void setTargets(List<ServiceTarget> targets) {
		this.targets = targets;
	}

	public List<String> getLifeEvents() {
		return this.lifeEvents;
	}

	public void setLifeEvents(List<String> lifeEvents) {
		this.lifeEvents = lifeEvents;
	}

	public List<String> getAcceptanceConditions() {
		return this.acceptanceConditions;
	}

	public void setAcceptanceConditions(List<String> acceptanceConditions) {
		this.acceptanceConditions = acceptanceConditions;
	}

	public List<String> getLegalBasis() {
		return this.legalBasis;
	}

	public void setLegalBasis(List<String> legalBasis) {
		this.legalBasis = legalBasis;
	}

	public int getLegalTimeLimitDays() {
		return this.legalTimeLimitDays;
	}

	public void setLegalTimeLimitDays(int legalTimeLimitDays) {
		this.legalTimeLimitDays = legalTimeLimitDays;
	}

	public int getPromisedTimeLimitDays() {
		return this.promisedTimeLimitDays;
	}

	public void setPromisedTimeLimitDays(int promisedTimeLimitDays) {
		this.promisedTimeLimitDays = promisedTimeLimitDays;
	}

	public String getQuantityLimit() {
		return this.quantityLimit;
	}

	public void setQuantityLimit(String quantityLimit) {
		this.quantityLimit = quantityLimit;
	}

	public Fee getFee() {
		return this.fee;
	}

	public void setFee(Fee fee) {
		this.fee = fee;
	}

	public List<Material> getMaterials() {
		return this.materials;
	}

	public void setMaterials(List<Material> materials) {
		this.materials = materials;
	}

	public List<Channel> getChannels() {
		return this.channels;
	}

	public void setChannels(List<Channel> channels) {
		this.channels = channels;
	}

	public int getVisitsRequired() {
		return this.visitsRequired;
	}

	public void setVisitsRequired(int visitsRequired) {
		this.visitsRequired = visitsRequired;
	}

	public List<ServiceMode> getServiceModes() {
		return this.serviceModes;
	}

	public void setServiceModes(List<ServiceMode> serviceModes) {
		this.serviceModes = serviceModes;
	}

	public List<String> getProcess() {
		return this.process;
	}

	public void setProcess(List<String> process) {
		this.process = process;
	}

	public List<String> getPlainSteps() {
		return (this.plainSteps != null) ? this.plainSteps : List.of();
	}

	public void setPlainSteps(List<String> plainSteps) {
		this.plainSteps = plainSteps;
	}

	public boolean isCodeEnabled() {
		return this.codeEnabled;
	}

	public void setCodeEnabled(boolean codeEnabled) {
		this.codeEnabled = codeEnabled;
	}

	public int getPopularity() {
		return this.popularity;
	}

	public void setPopularity(int popularity) {
		this.popularity = popularity;
	}

	public String getResultCertificateTypeCode() {
		return this.resultCertificateTypeCode;
	}

	public void setResultCertificateTypeCode(String resultCertificateTypeCode) {
		this.resultCertificateTypeCode = resultCertificateTypeCode;
	}

	public String getConsultationPhone() {
		return this.consultationPhone;
	}

	public void setConsultationPhone(String consultationPhone) {
		this.consultationPhone = consultationPhone;
	}

	public ItemStatus getStatus() {
		return this.status;
	}

	public void setStatus(ItemStatus status) {
		this.status = status;
	}

	public String getRetiredReason() {
		return this.retiredReason;
	}

	public void setRetiredReason(String retiredReason) {
		this.retiredReason = retiredReason;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public void setUpdatedAt(Instant updatedAt) {
		this.updatedAt = updatedAt;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
