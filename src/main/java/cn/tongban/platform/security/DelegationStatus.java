package cn.tongban.platform.security;

/**
 * Whether the delegation a token was exchanged under still stands (not revoked, not expired), asked
 * on every request that carries one: revoking a delegation ends its tokens at once. Implemented by
 * the identity module, which owns delegations.
 */
public interface DelegationStatus {

	boolean stands(String delegationId, String representedId, String actorId);

}
