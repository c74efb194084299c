package cn.tongban.identity;

/** Why a sign-in attempt failed; the token endpoint turns it into an OAuth2 error. */
class SignInRefused extends RuntimeException {

	private final boolean locked;

	SignInRefused(String message, boolean locked) {
		super(message, null, false, false);
		this.locked = locked;
	}

	boolean locked() {
		return this.locked;
	}

}
