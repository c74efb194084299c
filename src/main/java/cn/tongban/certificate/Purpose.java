package cn.tongban.certificate;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A purpose (用途) an integrator registers: the certificate types it may ask about and the data
 * fields it may see. Consent is given per purpose; disclosure never exceeds {@code fields}.
 */
@Document("certificate_purposes")
record Purpose(@Id String code, @Indexed String integratorClientId, String name, String description,
		List<String> certificateTypes, List<String> fields) {

}
