package cn.tongban.identity;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** The outstanding SMS code for a mobile number, stored hashed; one per number, single use. */
@Document("login_codes")
record LoginCode(@Id String mobile, String codeHash, @Indexed(expireAfter = "1h") Instant expiresAt) {

}
