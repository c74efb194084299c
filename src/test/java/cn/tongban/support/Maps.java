package cn.tongban.support;

import java.util.Map;

/** For reading a GraphQL object as a map: {@code response.path("x").entity(Maps.type())}. */
public final class Maps {

	private Maps() {
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static Class<Map<String, Object>> type() {
		return (Class) Map.class;
	}

}
