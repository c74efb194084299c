package cn.tongban.catalog;

/** 事项类型: the kind of government action a service item is. */
public enum ItemType {

	/** 行政许可. */
	LICENSING,
	/** 行政给付. */
	BENEFIT,
	/** 行政确认. */
	CONFIRMATION,
	/** 公共服务. */
	PUBLIC_SERVICE,
	/** 其他行政权力. */
	OTHER

}
