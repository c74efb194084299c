package cn.tongban.certificate;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;

import cn.tongban.platform.graphql.Connection;
import cn.tongban.platform.privacy.Masking;
import cn.tongban.platform.security.Delegated;
import cn.tongban.platform.security.Subject;
import cn.tongban.reference.Department;
import cn.tongban.reference.References;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/** The holder's side: card pack, one certificate, the usage log and its check. */
@Controller
class CertificateController {

	static final String HOLDERS = "hasAnyRole('RESIDENT', 'ENTERPRISE') or " + Delegated.CERTIFICATES;

	private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy.MM.dd");

	private final CertificateService certificates;

	private final CertificateTypeService types;

	private final UsageLog usage;

	private final References references;

	private final Clock clock;

	CertificateController(CertificateService certificates, CertificateTypeService types, UsageLog usage,
			References references, Clock clock) {
		this.clock = clock;
		this.references = references;
		this.certificates = certificates;
		this.types = types;
		this.usage = usage;
	}

	@QueryMapping
	@PreAuthorize(HOLDERS)
	List<Certificate> myCertificates(@Argument CertificateStatus status, Authentication caller) {
		Subject subject = Subject.from(caller);
		List<Certificate> held = subject.delegated() ? this.certificates.viewedByDelegate(subject)
				: this.certificates.heldBy(Holder.idOf(subject));
		return (status == null) ? held : held.stream().filter((c) -> c.statusAt(this.clock) == status).toList();
	}

	@QueryMapping
	@PreAuthorize(HOLDERS)
	Certificate certificate(@Argument String id, Authentication caller) {
		return this.certificates.openFor(Subject.from(caller), id);
	}

	@QueryMapping
	@PreAuthorize(HOLDERS)
	Connection<UsageEntry> myCertificateUsage(@Argument Integer first, @Argument String after, Authentication caller) {
		return this.usage.page(Holder.idOf(Subject.from(caller)), first, after);
	}

	@QueryMapping
	@PreAuthorize(HOLDERS)
	UsageLog.ChainCheck verifyMyCertificateUsage(Authentication caller) {
		return this.usage.verify(Holder.idOf(Subject.from(caller)));
	}

	@SchemaMapping(typeName = "Certificate")
	CertificateStatus status(Certificate certificate) {
		return certificate.statusAt(this.clock);
	}

	@SchemaMapping(typeName = "Certificate")
	String sealedPayload(Certificate certificate) {
		return SealedPayload.of(certificate);
	}

	// type, data, display and the usage entries' type read certificate types from memory
	// (CertificateTypeService): a DataLoader per field and request cost more than the lookups

	/** From the in-memory reference data: a DataLoader per request cost more than the lookup. */
	@SchemaMapping(typeName = "Certificate")
	Department issuer(Certificate certificate) {
		return this.references.department(certificate.issuerDepartmentCode());
	}

	@SchemaMapping(typeName = "CertificateType")
	Department issuingDepartment(CertificateType type) {
		return this.references.department(type.issuingDepartmentCode());
	}

	@SchemaMapping(typeName = "Certificate", field = "type")
	CertificateType type(Certificate certificate) {
		return this.types.byCode(certificate.typeCode());
	}

	@SchemaMapping(typeName = "Certificate")
	List<Datum> data(Certificate certificate) {
		return fields(this.types.byCode(certificate.typeCode())).stream()
			.filter((field) -> certificate.data().containsKey(field.key()))
			.map((field) -> new Datum(field.key(), field.label(), certificate.data().get(field.key()), field.sensitive()))
			.toList();
	}

	@SchemaMapping(typeName = "Certificate")
	Card display(Certificate certificate) {
		CertificateType type = this.types.byCode(certificate.typeCode());
		List<CardField> cardFields = fields(type).stream()
			.filter((field) -> certificate.data().containsKey(field.key()) && !"holderName".equals(field.key()))
			.map((field) -> new CardField(field.label(),
					field.sensitive() ? mask(field.key(), certificate.data().get(field.key()))
							: certificate.data().get(field.key())))
			.toList();
		String validity = certificate.validFrom().format(PRINTED) + "-"
				+ ((certificate.validTo() != null) ? certificate.validTo().format(PRINTED) : "长期");
		return new Card((type != null) ? type.name() : certificate.typeCode(), certificate.holderName(), validity,
				certificate.statusAt(this.clock), cardFields);
	}

	@SchemaMapping(typeName = "CertificateUsage", field = "certificateType")
	CertificateType usageType(UsageEntry entry) {
		return this.types.byCode(entry.certificateTypeCode());
	}

	private static Collection<CertificateType.Field> fields(CertificateType type) {
		return (type != null) ? type.fields() : List.of();
	}

	static String mask(String key, String value) {
		if (key.endsWith("IdNumber")) {
			return Masking.idNumber(value);
		}
		if (key.endsWith("Name")) {
			return Masking.name(value);
		}
		int keep = Math.min(3, Math.max(1, value.codePointCount(0, value.length()) / 3));
		return value.substring(0, value.offsetByCodePoints(0, keep)) + "****";
	}

	record Datum(String key, String label, String value, boolean sensitive) {
	}

	record Card(String title, String holderName, String validity, CertificateStatus status, List<CardField> fields) {
	}

	record CardField(String label, String value) {
	}


}
