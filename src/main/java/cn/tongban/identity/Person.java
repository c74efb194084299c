package cn.tongban.identity;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A natural person (自然人) as the province's identity platform knows them. {@code id} is a
 * pseudonymous reference: nothing about the person can be read from it. {@code provincialRef} is
 * the provincial platform's own pseudonym for the person, carried in its 鲁通码 codes. A child
 * registered at birth has no mobile and its parents as {@code guardianIds} (监护人).
 */
@Document("people")
record Person(@Id String id, String name, @Indexed(unique = true) String idNumber,
		@Indexed(name = "mobile_when_present", unique = true, sparse = true) String mobile, Gender gender,
		LocalDate birthDate, String ethnicity, String address, String regionCode, String spouseId,
		@Indexed(unique = true, sparse = true) String provincialRef,
		@Indexed(name = "guardians") List<String> guardianIds) {

	enum Gender {

		MALE, FEMALE

	}

}
