package cn.tongban.message;

/** What a message is about; a resident chooses per kind whether it also comes as a text message. */
public enum MessageKind {

	/** 办件进度: an application's status changed. */
	APPLICATION,

	/** 预约提醒: an appointment tomorrow. */
	APPOINTMENT,

	/** 免申即享: a benefit offered. */
	BENEFIT,

	/** 证照: a certificate issued or about to expire. */
	CERTIFICATE,

	/** 亲情代办: a relative authorised, acting for the resident, or the authorisation ended. */
	DELEGATION,

	/** 用证授权: a consent used by its integrator (once a day) or about to end. */
	CONSENT

}
