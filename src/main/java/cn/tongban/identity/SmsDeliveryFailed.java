package cn.tongban.identity;

/** The gateway did not take the message (refused, unreachable or too slow); the text is never in the message. */
class SmsDeliveryFailed extends RuntimeException {

	SmsDeliveryFailed(String reason, Throwable cause) {
		super(reason, cause, false, false);
	}

}
