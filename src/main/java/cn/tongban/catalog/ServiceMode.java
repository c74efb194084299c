package cn.tongban.catalog;

/** 服务模式. */
public enum ServiceMode {

	/** 即办. */
	IMMEDIATE,
	/** 免审即享. */
	NO_REVIEW,
	/** 无感审批. */
	UNNOTICED,
	/** 智能审批. */
	AUTOMATED,
	/** 免申即享. */
	NO_APPLICATION

}
