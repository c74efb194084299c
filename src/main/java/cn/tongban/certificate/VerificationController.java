package cn.tongban.certificate;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import cn.tongban.platform.audit.AuditLog;
import cn.tongban.platform.audit.AuditType;
import cn.tongban.platform.crypto.KeyRing;
import cn.tongban.platform.crypto.Sm2;
import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.ClientAddress;
import cn.tongban.platform.graphql.PlatformError;
import cn.tongban.platform.security.Subject;
import cn.tongban.platform.validation.CreditCode;
import cn.tongban.platform.validation.IdNumber;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/** Third-party verification, public seal checks and keys, and revocation. */
@Controller
class VerificationController {

	static final int MAX_PAYLOAD = 8_000;

	private final ThirdPartyVerification verification;

	private final Sealer sealer;

	private final SealKeys keys;

	private final CertificateRepository certificates;

	private final CertificateService service;

	private final CertificateTypeService types;

	private final AuditLog audit;

	private final Clock clock;

	VerificationController(ThirdPartyVerification verification, Sealer sealer, SealKeys keys,
			CertificateRepository certificates, CertificateService service, CertificateTypeService types,
			AuditLog audit, Clock clock) {
		this.clock = clock;
		this.audit = audit;
		this.verification = verification;
		this.sealer = sealer;
		this.keys = keys;
		this.certificates = certificates;
		this.service = service;
		this.types = types;
	}

	@MutationMapping
	@PreAuthorize("hasRole('INTEGRATOR') and hasAuthority('SCOPE_certificate.verify')")
	ThirdPartyVerification.Result verifyCertificate(@Argument @Valid VerifyInput input, Authentication caller) {
		if ((input.holderIdNumber() == null) == (input.holderCreditCode() == null)) {
			throw ApiException.onField("input.holderIdNumber", PlatformError.INVALID_ARGUMENT,
					"give exactly one of holderIdNumber and holderCreditCode");
		}
		if ((input.certificateType() == null) == (input.certificateNumber() == null)) {
			throw ApiException.onField("input.certificateType", PlatformError.INVALID_ARGUMENT,
					"give exactly one of certificateType and certificateNumber");
		}
		return this.verification.verify(Subject.from(caller), new ThirdPartyVerification.Request(
				(input.holderIdNumber() != null) ? input.holderIdNumber().toUpperCase() : null, input.holderCreditCode(),
				input.certificateType(), input.certificateNumber(), input.purpose()));
	}

	@SchemaMapping(typeName = "CertificateVerification")
	CertificateType certificateType(ThirdPartyVerification.Result result) {
		return this.types.findByCodes(List.of(result.typeCode())).get(result.typeCode());
	}

	@SchemaMapping(typeName = "CertificateVerification")
	List<Map<String, String>> fields(ThirdPartyVerification.Result result) {
		return result.fields().entrySet().stream().map((e) -> Map.of("key", e.getKey(), "value", e.getValue())).toList();
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	SealCheck checkSeal(@Argument String payload, @Argument String keyId, @Argument String signature) {
		if (payload.length() > MAX_PAYLOAD || keyId.length() > 64 || signature.length() > 400) {
			throw ApiException.onField("payload", PlatformError.INVALID_ARGUMENT, "payload, keyId or signature too long");
		}
		String number = SealedPayload.numberIn(payload);
		Sealer.Outcome outcome = this.sealer.check(payload, keyId, signature);
		if (outcome != Sealer.Outcome.GENUINE) {
			return new SealCheck(outcome.name(), number, false);
		}
		Certificate stored = (number != null) ? this.certificates.findByNumber(number).orElse(null) : null;
		CertificateStatus status = (stored != null) ? stored.statusAt(this.clock) : CertificateStatus.VALID;
		return new SealCheck((status == CertificateStatus.VALID) ? "GENUINE" : status.name(), number, true);
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	List<PublicSealKey> sealKeys() {
		return this.keys.all().stream().map(PublicSealKey::of).toList();
	}

	@MutationMapping
	@PreAuthorize("hasRole('ADMIN')")
	Map<String, Object> revokeCertificate(@Argument @Valid RevokeInput input, Authentication caller,
			@ContextValue(ClientAddress.KEY) String address) {
		Subject admin = Subject.from(caller);
		Certificate revoked = this.service.revoke(input.id(), input.reason(), admin.id());
		this.audit.record(AuditType.ADMIN_CHANGE, admin, address, revoked.number(),
				"revokeCertificate: " + input.reason());
		return Map.of("number", revoked.number(), "status", revoked.statusAt(this.clock), "revokedBy",
				revoked.revocation().by(), "revokedAt", revoked.revocation().at());
	}

	record VerifyInput(@IdNumber String holderIdNumber, @CreditCode String holderCreditCode,
			@Size(max = 20) String certificateType, @Size(max = 60) String certificateNumber,
			@NotBlank @Size(max = 40) String purpose) {
	}

	record RevokeInput(@NotBlank @Size(max = 40) String id, @NotBlank @Size(min = 2, max = 200) String reason) {
	}

	record SealCheck(String outcome, String certificateNumber, boolean signatureValid) {
	}

	record PublicSealKey(String keyId, String owner, String algorithm, String curve, String publicKey,
			Instant createdAt) {

		static PublicSealKey of(KeyRing.Entry entry) {
			return new PublicSealKey(entry.keyId(), entry.owner(), Sm2.ALGORITHM, "sm2p256v1",
					Base64.getEncoder().encodeToString(entry.publicKey().getEncoded()), entry.createdAt());
		}

	}

}
