package cn.tongban.identity;

/**
 * Sends a text message, or throws {@link SmsDeliveryFailed}. Production: {@link HttpSmsGateway}
 * (the prod profile refuses to start without one); the default run: {@link LoggingSmsSender}.
 */
public interface SmsSender {

	void send(SmsMessage message);

}
