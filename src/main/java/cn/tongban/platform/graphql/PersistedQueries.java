package cn.tongban.platform.graphql;

import java.util.Map;
import java.util.regex.Pattern;

import cn.tongban.platform.crypto.Sha256;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Automatic persisted queries (Apollo's APQ protocol, as Apollo Client's persisted-queries link and
 * urql's persisted exchange speak it): a request may carry
 * {@code extensions.persistedQuery = {version: 1, sha256Hash}} instead of the query text. An unknown
 * hash is answered {@code PersistedQueryNotFound} (code {@code PERSISTED_QUERY_NOT_FOUND}), and the
 * client sends the text with the hash once, which registers it after the hash is checked. Texts are
 * kept in memory, bounded by their total size: an evicted one is registered again the same way. The
 * {@link TrustedDocuments} manifest answers its hashes without registration.
 */
@Component
public class PersistedQueries {

	/** The message Apollo Client and urql recognise, whatever the language of the request. */
	public static final String NOT_FOUND_MESSAGE = "PersistedQueryNotFound";

	private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

	private final Cache<String, String> texts;

	private final TrustedDocuments trusted;

	PersistedQueries(@Value("${tongban.graphql.persisted-query-cache-characters:33554432}") long maxCharacters,
			TrustedDocuments trusted) {
		this.trusted = trusted;
		this.texts = Caffeine.newBuilder()
			.maximumWeight(maxCharacters)
			.weigher((String hash, String text) -> hash.length() + text.length())
			.build();
	}

	/**
	 * The query text to run for a request.
	 * @param query the text sent, or null
	 * @param persistedQuery the {@code extensions.persistedQuery} value sent, or null
	 * @return the text sent, or the registered text of the hash
	 * @throws Refusal when the extension is malformed, the hash unknown or not the text's
	 */
	public String resolve(String query, Object persistedQuery) {
		if (persistedQuery == null) {
			return query;
		}
		if (!(persistedQuery instanceof Map<?, ?> extension) || !Integer.valueOf(1).equals(number(extension.get("version")))
				|| !(extension.get("sha256Hash") instanceof String hash) || !SHA_256_HEX.matcher(hash).matches()) {
			throw new Refusal(PlatformError.INVALID_REQUEST,
					"extensions.persistedQuery must be {version: 1, sha256Hash: 64 lower-case hex digits}");
		}
		if (query == null || query.isEmpty()) {
			String manifest = this.trusted.text(hash);
			if (manifest != null) {
				return manifest;
			}
			String known = this.texts.getIfPresent(hash);
			if (known == null) {
				throw new Refusal(PlatformError.PERSISTED_QUERY_NOT_FOUND, null);
			}
			return known;
		}
		if (!Sha256.hex(query).equals(hash)) {
			throw new Refusal(PlatformError.PERSISTED_QUERY_HASH_MISMATCH, null);
		}
		this.texts.put(hash, query);
		return query;
	}

	private static Integer number(Object value) {
		return (value instanceof Number n && n.doubleValue() == n.intValue()) ? n.intValue() : null;
	}

	/** Why a persisted-query request cannot run: a code, and for malformed requests what is wrong. */
	public static final class Refusal extends RuntimeException {

		private final ErrorCode code;

		Refusal(ErrorCode code, String problem) {
			super(problem, null, false, false);
			this.code = code;
		}

		public ErrorCode code() {
			return this.code;
		}

		/** Unknown hashes are a normal step of the protocol (200); the rest are bad requests (400). */
		public boolean isNotFound() {
			return this.code == PlatformError.PERSISTED_QUERY_NOT_FOUND;
		}

		/** The GraphQL error, with the protocol's fixed message for an unknown hash. */
		public Map<String, Object> toError(boolean english) {
			if (isNotFound()) {
				return Map.of("message", NOT_FOUND_MESSAGE, "extensions",
						Map.of("code", this.code.name(), "classification", "NOT_FOUND"));
			}
			return (getMessage() != null) ? this.code.toError(english, getMessage()).toSpecification()
					: this.code.toError(english).toSpecification();
		}

	}

}
