package cn.tongban.identity;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Tokens are self-contained JWTs and no grant in use here needs server-side state (no
 * authorization codes, no refresh tokens), so nothing is kept: an in-memory store would grow with
 * every token issued. Consequence: the introspection and revocation endpoints know no tokens;
 * lifetimes are kept short instead (docs/security.md).
 */
final class SelfContainedTokens implements OAuth2AuthorizationService {

	@Override
	public void save(OAuth2Authorization authorization) {
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return null;
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		return null;
	}

}
