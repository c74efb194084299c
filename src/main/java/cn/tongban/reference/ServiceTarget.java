package cn.tongban.reference;

/** 服务对象. */
public enum ServiceTarget {

	/** 自然人. */
	NATURAL_PERSON,
	/** 法人（含其他组织）. */
	LEGAL_PERSON

}
