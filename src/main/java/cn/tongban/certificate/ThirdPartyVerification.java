package cn.tongban.certificate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.tongban.identity.IdentityService;
import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.security.Subject;

import org.springframework.stereotype.Service;

/**
 * An integrator checks a holder's certificate (亮证/验证) under a live consent for one of its
 * purposes; it learns whether the certificate is genuine and valid and only the purpose's fields.
 * Every call, allowed or refused, is written to the holder's usage log first. A holder who does not
 * exist answers exactly like one who has not consented, so the call cannot probe who is registered.
 */
@Service
class ThirdPartyVerification {

	private final IdentityService identity;

	private final CertificateRepository certificates;

	private final ConsentService consents;

	private final UsageLog usage;

	private final Sealer sealer;

	private final CertificateNotices notices;

	private final Clock clock;

	ThirdPartyVerification(IdentityService identity, CertificateRepository certificates, ConsentService consents,
			UsageLog usage, Sealer sealer, CertificateNotices notices, Clock clock) {
		this.clock = clock;
		this.identity = identity;
		this.certificates = certificates;
		this.consents = consents;
		this.usage = usage;
		this.sealer = sealer;
		this.notices = notices;
	}

	Result verify(Subject integrator, Request request) {
		Purpose purpose = this.consents.requirePurpose(request.purpose(), "input.purpose");
		if (!purpose.integratorClientId().equals(integrator.clientId())) {
			// another integrator's purpose is as unknown as a missing one
			throw ApiException.onField("input.purpose", CertificateError.PURPOSE_NOT_FOUND, request.purpose());
		}
		String holderId = holderId(request);
		if (holderId == null) {
			throw new ApiException(CertificateError.CONSENT_REQUIRED);
		}
		Certificate certificate = (request.certificateNumber() != null)
				? this.certificates.findByNumber(request.certificateNumber())
					.filter((c) -> isAbout(c, holderId, request))
					.orElse(null)
				: newest(holderId, request);
		String typeCode = (certificate != null) ? certificate.typeCode() : request.certificateType();
		String name = this.identity.clientName(integrator.clientId());
		Consent consent = (typeCode != null) ? this.consents.live(holderId, integrator.clientId(), purpose.code(), typeCode)
				: null;
		if (consent == null) {
			this.usage.append(holderId, integrator.clientId(), name, purpose, null, typeCode, UsageEntry.Result.DENIED,
					"no live consent");
			throw new ApiException(CertificateError.CONSENT_REQUIRED);
		}
		if (certificate == null) {
			this.usage.append(holderId, integrator.clientId(), name, purpose, null, typeCode, UsageEntry.Result.DENIED,
					"no such certificate");
			throw ApiException.onField("input", CertificateError.CERTIFICATE_NOT_FOUND,
					(request.certificateNumber() != null) ? request.certificateNumber() : typeCode);
		}
		this.usage.append(holderId, integrator.clientId(), name, purpose, certificate, typeCode,
				UsageEntry.Result.ALLOWED, null);
		this.notices.consentUsed(consent, name, purpose, typeCode);
		boolean genuine = this.sealer.intact(certificate);
		CertificateStatus status = certificate.statusAt(this.clock);
		Map<String, String> disclosed = new LinkedHashMap<>();
		certificate.data().forEach((key, value) -> {
			if (purpose.fields().contains(key)) {
				disclosed.put(key, value);
			}
		});
		return new Result(genuine, status, genuine && status == CertificateStatus.VALID, certificate.number(),
				certificate.typeCode(), certificate.validTo(), disclosed, consent.expiresAt(), purpose);
	}

	private String holderId(Request request) {
		if (request.holderIdNumber() != null) {
			return this.identity.personByIdNumber(request.holderIdNumber()).map((p) -> p.id()).orElse(null);
		}
		return this.identity.enterpriseByCreditCode(request.holderCreditCode()).map((e) -> e.id()).orElse(null);
	}

	private Certificate newest(String holderId, Request request) {
		return this.certificates.findByHolderIdAndTypeCodeIn(holderId, List.of(request.certificateType()))
			.stream()
			.filter((certificate) -> isAbout(certificate, holderId, request))
			.max(Comparator.comparing(Certificate::issuedOn))
			.orElse(null);
	}

	/**
	 * Only a certificate that names the identified holder, by the identifier the integrator gave,
	 * and of the type asked for (when one was): never a certificate stored under the same account
	 * but about someone else, such as a child's.
	 */
	static boolean isAbout(Certificate certificate, String holderId, Request request) {
		String identifier = (request.holderIdNumber() != null) ? request.holderIdNumber() : request.holderCreditCode();
		return certificate.holderId().equals(holderId) && identifier != null
				&& identifier.equalsIgnoreCase(certificate.holderIdentifier())
				&& (request.certificateType() == null || request.certificateType().equals(certificate.typeCode()));
	}

	record Request(String holderIdNumber, String holderCreditCode, String certificateType, String certificateNumber,
			String purpose) {
	}

	record Result(boolean genuine, CertificateStatus status, boolean valid, String certificateNumber, String typeCode,
			LocalDate validTo, Map<String, String> fields, Instant consentExpiresAt, Purpose purpose) {
	}

}
