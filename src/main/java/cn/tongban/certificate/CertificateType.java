package cn.tongban.certificate;

import java.util.List;

import cn.tongban.platform.graphql.Bilingual;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 电子证照类型 (GB/T 36902 catalogue entry): who issues it, who holds it, how long it is valid
 * and which data fields a certificate of this type carries.
 *
 * @param validityYears null for certificates valid without limit (长期)
 */
@Document("certificate_types")
public record CertificateType(@Id String code, String name, String nameEn, String issuingDepartmentCode,
		HolderKind holderKind, Integer validityYears, List<Field> fields) implements Bilingual.Named {

	/** A data field of the type; {@code sensitive} fields are masked for anyone but the holder. */
	public record Field(String key, String label, boolean sensitive) {
	}

	public enum HolderKind {

		/** A natural person, identified by ID number. */
		PERSON,
		/** An organisation, identified by unified social credit code. */
		ORGANIZATION

	}

}
