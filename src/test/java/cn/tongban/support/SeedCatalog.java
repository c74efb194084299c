package cn.tongban.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The seed catalogue read straight from seeds/catalog/service-items.json, so tests can state what
 * the API should answer without going through the code under test.
 */
public final class SeedCatalog {

	public static final int DISTRICTS = 10;

	private static final List<Map<String, Object>> BASE_ITEMS = read("seeds/catalog/service-items.json");

	private SeedCatalog() {
	}

	public static List<Map<String, Object>> baseItems() {
		return BASE_ITEMS;
	}

	/** Number of implementations in {@code region} (null: all regions) of base items matching. */
	public static long implementations(String region, Predicate<Map<String, Object>> matching) {
		return BASE_ITEMS.stream().filter(matching).mapToLong((item) -> {
			List<?> levels = (List<?>) item.get("levels");
			boolean city = levels.contains("CITY");
			boolean district = levels.contains("DISTRICT");
			if (region == null) {
				return (city ? 1 : 0) + (district ? DISTRICTS : 0);
			}
			return region.equals("370200") ? (city ? 1 : 0) : (district ? 1 : 0);
		}).sum();
	}

	/** Number of base items matching with an implementation in {@code region} (null: any): one search result each. */
	public static long basicItems(String region, Predicate<Map<String, Object>> matching) {
		return BASE_ITEMS.stream().filter(matching).filter((item) -> {
			List<?> levels = (List<?>) item.get("levels");
			return (region == null) || levels.contains(region.equals("370200") ? "CITY" : "DISTRICT");
		}).count();
	}

	public static Predicate<Map<String, Object>> has(String field, Object value) {
		return (item) -> {
			Object actual = item.get(field);
			return (actual instanceof List<?> list) ? list.contains(value) : value.equals(actual);
		};
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> read(String resource) {
		try (InputStream in = SeedCatalog.class.getClassLoader().getResourceAsStream(resource)) {
			return (List<Map<String, Object>>) (List<?>) JsonMapper.builder().build().readValue(in, List.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
