package cn.tongban.platform;

import java.time.ZoneId;

/** China Standard Time: the zone every calendar date, opening hour and "today" of this service is in. */
public final class ChinaTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private ChinaTime() {
	}

}
