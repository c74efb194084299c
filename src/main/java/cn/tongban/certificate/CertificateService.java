package cn.tongban.certificate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.tongban.identity.EnterpriseDetails;
import cn.tongban.identity.IdentityService;
import cn.tongban.identity.PersonDetails;
import cn.tongban.platform.graphql.ApiException;
import cn.tongban.webhook.WebhookKind;
import cn.tongban.webhook.Webhooks;
import cn.tongban.platform.security.Subject;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The certificate module's API: a holder's certificates, which of them can stand in for an item's
 * materials (免提交), and issuing a certificate when an application completes (办结即发证).
 */
@Service
public class CertificateService {

	private final IdentityService identity;

	private final CertificateRepository certificates;

	private final CertificateTypeRepository types;

	private final Sealer sealer;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final UsageLog usage;

	private final Webhooks webhooks;

	CertificateService(CertificateRepository certificates, CertificateTypeRepository types, Sealer sealer,
			MongoTemplate mongo, UsageLog usage, IdentityService identity, Clock clock, Webhooks webhooks) {
		this.webhooks = webhooks;
		this.clock = clock;
		this.identity = identity;
		this.certificates = certificates;
		this.types = types;
		this.sealer = sealer;
		this.mongo = mongo;
		this.usage = usage;
	}

	/**
	 * 亮码办事: a counter that scanned the holder's code gets the holder's valid certificates of the
	 * given types, for the item it is handling; each disclosure lands in the holder's usage log.
	 */
	public List<Certificate> discloseForService(String holderId, String accessorClientId, String accessorName,
			String serviceItemCode, String serviceItemName, Collection<String> typeCodes) {
		Purpose purpose = new Purpose("COUNTER:" + serviceItemCode, accessorClientId, "亮码办事：" + serviceItemName,
				null, List.copyOf(typeCodes), List.of());
		List<Certificate> disclosed = List.copyOf(validByType(holderId, typeCodes).values());
		for (Certificate certificate : disclosed) {
			this.usage.append(holderId, accessorClientId, accessorName, purpose, certificate, certificate.typeCode(),
					UsageEntry.Result.ALLOWED, null);
		}
		return disclosed;
	}

	/**
	 * The holder's card pack (卡包), with the certificates of the minors the holder is a guardian of
	 * (a newborn's 出生医学证明 and 社保卡): by type, newest first within a type.
	 */
	public List<Certificate> heldBy(String holderId) {
		List<String> holders = new ArrayList<>(List.of(holderId));
		holders.addAll(minorWardsOf(holderId));
		return this.certificates.findByHolderIdIn(holders)
			.stream()
			.sorted(Comparator.comparing(Certificate::typeCode).thenComparing(Certificate::issuedOn, Comparator.reverseOrder()))
			.toList();
	}

	/**
	 * A relative acting for the holder (亲情代办) sees the holder's own certificates only (not the
	 * holder's children's), and each look lands in the holder's usage log with the relative's name.
	 */
	public List<Certificate> viewedByDelegate(Subject delegate) {
		String holderId = Holder.idOf(delegate);
		List<Certificate> own = heldBy(holderId).stream().filter((c) -> c.holderId().equals(holderId)).toList();
		logDelegateView(delegate, actorName(delegate), holderId, null);
		return own;
	}

	/**
	 * One certificate as the viewer's card pack shows it: a holder's own or a minor ward's; for a
	 * relative acting for the holder, the holder's own, the look logged. Anyone else's is NOT_FOUND.
	 */
	public Certificate openFor(Subject viewer, String certificateId) {
		return viewer.delegated() ? viewedByDelegate(viewer, certificateId)
				: requireHeldBy(certificateId, Holder.idOf(viewer));
	}

	/** One of the holder's own certificates, for a relative acting for them; logged like the pack. */
	private Certificate viewedByDelegate(Subject delegate, String certificateId) {
		String holderId = Holder.idOf(delegate);
		Certificate certificate = this.certificates.findById(certificateId)
			.filter((c) -> c.holderId().equals(holderId))
			.orElseThrow(() -> ApiException.onField("id", CertificateError.CERTIFICATE_NOT_FOUND, certificateId));
		logDelegateView(delegate, actorName(delegate), holderId, certificate);
		return certificate;
	}

	private String actorName(Subject delegate) {
		return this.identity.person(delegate.actorId()).map(PersonDetails::name).orElse("");
	}

	private void logDelegateView(Subject delegate, String actorName, String holderId, Certificate certificate) {
		Purpose purpose = new Purpose("DELEGATE", delegate.clientId(),
				(certificate != null) ? "亲情代办：查看证照" : "亲情代办：查看卡包", null, List.of(), List.of());
		this.usage.append(holderId, delegate.actorId(), actorName + "（亲情代办）", purpose, certificate,
				(certificate != null) ? certificate.typeCode() : null, UsageEntry.Result.ALLOWED, null);
	}

	/** The holder's (or a minor ward's) certificate; anyone else's is NOT_FOUND exactly like an unknown one. */
	public Certificate requireHeldBy(String certificateId, String holderId) {
		return this.certificates.findById(certificateId)
			.filter((certificate) -> certificate.holderId().equals(holderId)
					|| minorWardsOf(holderId).contains(certificate.holderId()))
			.orElseThrow(() -> ApiException.onField("id", CertificateError.CERTIFICATE_NOT_FOUND, certificateId));
	}

	/** The people under 18 this person is a guardian of; a guardian acts for a minor only. */
	private List<String> minorWardsOf(String holderId) {
		LocalDate adulthood = LocalDate.now(this.clock.withZone(Certificate.CHINA)).minusYears(18);
		return this.identity.wardsOf(holderId)
			.stream()
			.filter((ward) -> ward.birthDate() != null && ward.birthDate().isAfter(adulthood))
			.map(PersonDetails::id)
			.toList();
	}

	/**
	 * For each requested type the holder's newest certificate that is valid today and names the
	 * holder themself: what the holder need not submit (免提交). A certificate kept in the holder's
	 * pack but about someone else (a child's) never stands in for the holder's own. Types without
	 * one are absent.
	 */
	public Map<String, Certificate> validByType(String holderId, Collection<String> typeCodes) {
		LocalDate today = LocalDate.now(this.clock.withZone(Certificate.CHINA));
		Map<String, Certificate> result = new LinkedHashMap<>();
		String identifier = identifierOf(holderId);
		this.certificates.findByHolderIdAndTypeCodeIn(holderId, typeCodes)
			.stream()
			.filter((certificate) -> identifier != null && identifier.equalsIgnoreCase(certificate.holderIdentifier()))
			.filter((certificate) -> certificate.statusOn(today) == CertificateStatus.VALID)
			.sorted(Comparator.comparing(Certificate::issuedOn).reversed())
			.forEach((certificate) -> result.putIfAbsent(certificate.typeCode(), certificate));
		return result;
	}

	/** The ID number or credit code of a holder (person or enterprise id). */
	private String identifierOf(String holderId) {
		return this.identity.person(holderId)
			.map(PersonDetails::idNumber)
			.or(() -> this.identity.enterprise(holderId).map(EnterpriseDetails::creditCode))
			.orElse(null);
	}

	/**
	 * Issues a certificate for a completed application. Idempotent: the id derives from the
	 * application and type, so a repeated call (after a crash, or twice at once) returns the first
	 * certificate and issues nothing more.
	 */
	public Certificate issue(IssueRequest request) {
		String id = Certificate.idFor("application:" + request.sourceApplicationId() + ":" + request.typeCode());
		Optional<Certificate> existing = this.certificates.findById(id);
		if (existing.isPresent()) {
			return existing.get();
		}
		CertificateType type = this.types.findById(request.typeCode())
			.orElseThrow(() -> new IllegalArgumentException("Unknown certificate type " + request.typeCode()));
		LocalDate today = LocalDate.now(this.clock.withZone(Certificate.CHINA));
		LocalDate validTo = (type.validityYears() != null) ? today.plusYears(type.validityYears()) : null;
		String number = type.code().replace("-", "") + "-" + today.getYear() + "-" + id.substring(4, 16).toUpperCase();
		Certificate certificate = this.sealer.seal(new Certificate(id, number, type.code(), type.holderKind(),
				request.holderId(), request.holderIdentifier(), request.holderName(), type.issuingDepartmentCode(),
				today, today, validTo, Certificate.StoredStatus.VALID, null, Map.copyOf(request.data()), null,
				request.sourceApplicationId(), this.clock.instant(), null));
		try {
			return this.mongo.insert(certificate);
		}
		catch (DuplicateKeyException concurrentIssue) {
			return this.certificates.findById(id).orElseThrow(() -> concurrentIssue);
		}
	}

	/**
	 * Revokes (注销) a certificate; its seal stays genuine but checks report REVOKED. The certificate
	 * records who revoked it, when and why. The integrators that verified it are told by webhook,
	 * through a {@code webhookPending} flag set in the same write ({@link WebhookFollowUp}).
	 */
	Certificate revoke(String certificateId, String reason, String adminId) {
		Certificate.Revocation revocation = new Certificate.Revocation(adminId, this.clock.instant(), reason);
		Certificate updated = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(certificateId)),
				Update.update("status", Certificate.StoredStatus.REVOKED)
					.set("statusReason", reason)
					.set("revocation", revocation)
					.set(WebhookFollowUp.PENDING, true),
				FindAndModifyOptions.options().returnNew(true), Certificate.class);
		if (updated == null) {
			throw ApiException.onField("input.id", CertificateError.CERTIFICATE_NOT_FOUND, certificateId);
		}
		emitRevocation(updated);
		return updated;
	}

	/** The revocation's webhook events to each integrator that verified it, then the flag cleared if all are stored. */
	void emitRevocation(Certificate certificate) {
		boolean stored = true;
		for (String integrator : this.usage.verifiersOf(certificate.id())) {
			stored &= this.webhooks.emit(integrator, WebhookKind.CERTIFICATE_REVOKED, certificate.id(),
					Map.of("certificateNumber", certificate.number(), "certificateType", certificate.typeCode()));
		}
		if (stored) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(certificate.id()).and(WebhookFollowUp.PENDING).is(true)),
					new Update().unset(WebhookFollowUp.PENDING), Certificate.class);
		}
	}

	/**
	 * Revokes the certificate an application issued of a type, when it did (an automatic approval
	 * taken back); idempotent. Empty when the application issued none of that type.
	 */
	public Optional<Certificate> revokeIssuedFor(String sourceApplicationId, String typeCode, String reason,
			String actorId) {
		String id = Certificate.idFor("application:" + sourceApplicationId + ":" + typeCode);
		return this.certificates.findById(id).map((certificate) -> (certificate.revocation() != null) ? certificate
				: revoke(id, reason, actorId));
	}

	/**
	 * The certificates among {@code ids} the viewer may open in their card pack, in one round trip:
	 * a holder's own and their minor wards'; a relative acting for the holder (亲情代办) the holder's
	 * own, each look logged in the holder's usage log as in the card pack; nobody else's (staff, an
	 * integrator: empty). For object fields next to a certificate id (a bundle's or application's
	 * material), so the object shows no more than the card pack would.
	 */
	public Map<String, Certificate> openableBy(Subject viewer, Collection<String> ids) {
		String holderId = (viewer != null) ? viewer.holderId() : null;
		if (holderId == null || ids.isEmpty()) {
			return Map.of();
		}
		Set<String> holders = new HashSet<>(List.of(holderId));
		if (!viewer.delegated()) {
			holders.addAll(minorWardsOf(holderId));
		}
		Map<String, Certificate> openable = new LinkedHashMap<>();
		findByIds(ids).forEach((id, certificate) -> {
			if (holders.contains(certificate.holderId())) {
				openable.put(id, certificate);
			}
		});
		if (viewer.delegated() && !openable.isEmpty()) {
			String actorName = actorName(viewer);
			openable.values().forEach((certificate) -> logDelegateView(viewer, actorName, holderId, certificate));
		}
		return openable;
	}

	/** Certificates by id, in one round trip. */
	public Map<String, Certificate> findByIds(Collection<String> ids) {
		Map<String, Certificate> found = new LinkedHashMap<>();
		this.certificates.findAllById(ids).forEach((certificate) -> found.put(certificate.id(), certificate));
		return found;
	}

	/**
	 * @param data the certificate's data fields (holderName, holderIdNumber … per the type)
	 */
	public record IssueRequest(String sourceApplicationId, String typeCode, String holderId, String holderIdentifier,
			String holderName, Map<String, String> data) {
	}

}
