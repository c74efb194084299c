package cn.tongban.identity;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A code sent to a person's registered mobile for one purpose (e.g. reading one application's
 * progress without signing in), stored hashed, with the wrong attempts made against it.
 *
 * @param purpose what the code proves, e.g. {@code progress:app_…}
 */
@Document("possession_codes")
record PossessionCode(@Id String purpose, String personId, String codeHash, Instant expiresAt, int wrongAttempts) {
}
