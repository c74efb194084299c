package cn.tongban.platform.startup;

/**
 * Start-up stops on purpose: the message is the one line the operator reads, saying what is wrong
 * and what to set or do. Reported without a stack trace by {@link OneLineFailureReporter}.
 */
public class StartupRefusal extends RuntimeException {

	public StartupRefusal(String message) {
		super(message, null, false, false);
	}

}
