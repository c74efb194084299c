package cn.tongban.identity;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A legal person (法人) by its unified social credit code, with the people allowed to act for it. */
@Document("enterprises")
record Enterprise(@Id String id, String name, @Indexed(unique = true) String creditCode, String regionCode,
		String legalRepresentativeId, @Indexed List<String> agentIds, String businessScope) {

}
