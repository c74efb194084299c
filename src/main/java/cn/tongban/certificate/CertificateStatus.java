package cn.tongban.certificate;

/** A certificate's status as read today. */
public enum CertificateStatus {

	/** 有效 */
	VALID,
	/** 已过期: past its valid-to date */
	EXPIRED,
	/** 已注销/吊销 */
	REVOKED,
	/** 已暂停 */
	SUSPENDED

}
