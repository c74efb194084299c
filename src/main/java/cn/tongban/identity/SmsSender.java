package cn.tongban.identity;

/**
 * Sends a text message. The default run logs it (and keeps it in the dev outbox); production
 * provides a bean that calls the SMS gateway.
 */
public interface SmsSender {

	void send(String mobile, String text);

}
