package cn.tongban.message;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Text messages sent to one holder on one China day: the cap is one conditional increment. */
@Document("message_sms_days")
record SmsDay(@Id String id, int sent) {

	static String idOf(String holderId, LocalDate day) {
		return holderId + "|" + day;
	}

}
