package cn.tongban.catalog;

/** 办理渠道. */
public enum Channel {

	/** 掌上办. */
	MOBILE,
	/** 网上办. */
	WEB,
	/** 窗口办. */
	COUNTER,
	/** 视频办. */
	VIDEO

}
