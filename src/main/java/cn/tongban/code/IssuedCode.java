package cn.tongban.code;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A code this service issued. {@code id} is the pseudonymous subject reference inside the code (12
 * random bytes, base64url): the code carries nothing that identifies the person. A new code
 * supersedes the holder's earlier ones; a revoked or superseded code fails at every scan.
 */
@Document("resident_codes")
record IssuedCode(@Id String id, HolderKind holderKind, @Indexed String holderId, String keyId, Instant issuedAt,
		@Indexed(expireAfter = "1d") Instant expiresAt, Instant supersededAt, Instant revokedAt) {

}
