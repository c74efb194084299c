package cn.tongban.hall;

/** The three levels of service halls (三级政务服务体系). */
public enum HallLevel {

	/** 政务服务中心 of the city or a district (county-level city). */
	GOVERNMENT_SERVICE_CENTRE,

	/** 街道 (镇) 便民服务中心. */
	STREET_SERVICE_CENTRE,

	/** 社区 (村) 便民服务站. */
	COMMUNITY_SERVICE_STATION

}
