package cn.tongban.catalog;

import java.util.regex.Pattern;

import cn.tongban.platform.graphql.NodeLookup;

import org.springframework.stereotype.Component;

/** Service items in {@code node(id)}: public, by implementation code, active or retired. */
@Component
class ServiceItemNodes implements NodeLookup {

	/** Region code (6 digits) + basic code. */
	private static final Pattern CODE = Pattern.compile("\\d{6}" + ServiceItemRules.BASIC_CODE);

	private final CatalogService catalog;

	ServiceItemNodes(CatalogService catalog) {
		this.catalog = catalog;
	}

	@Override
	public boolean owns(String id) {
		return CODE.matcher(id).matches();
	}

	@Override
	public Object find(String id) {
		return this.catalog.shownItem(id);
	}

}
