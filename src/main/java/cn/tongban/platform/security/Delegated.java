package cn.tongban.platform.security;

/**
 * {@code @PreAuthorize} rules that open an operation to a delegate (亲情代办) holding one scope of
 * a delegation. An operation that names none of them refuses delegated tokens: what a relative may
 * do for someone is listed, never assumed.
 */
public final class Delegated {

	/** The scopes a delegated token may carry, one per {@code DelegationScope}. */
	public static final String APPLICATIONS_SCOPE = "delegate.applications";

	public static final String CERTIFICATES_SCOPE = "delegate.certificates";

	public static final String CONSENTS_SCOPE = "delegate.consents";

	public static final String RESIDENT_CODE_SCOPE = "delegate.resident-code";

	/** Applications, benefit offers and hall appointments of the represented person. */
	public static final String APPLICATIONS = "(hasRole('DELEGATE') and hasAuthority('SCOPE_delegate.applications'))";

	/** The represented person's card pack and usage log. */
	public static final String CERTIFICATES = "(hasRole('DELEGATE') and hasAuthority('SCOPE_delegate.certificates'))";

	/** Consents to third parties over the represented person's certificates. */
	public static final String CONSENTS = "(hasRole('DELEGATE') and hasAuthority('SCOPE_delegate.consents'))";

	/** The represented person's resident code (a child's code on the parent's phone) and its scans. */
	public static final String RESIDENT_CODE = "(hasRole('DELEGATE') and hasAuthority('SCOPE_delegate.resident-code'))";

	private Delegated() {
	}

}
