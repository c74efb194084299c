package cn.tongban.bundle;

import java.util.regex.Pattern;

import cn.tongban.platform.graphql.NodeLookup;

import org.springframework.stereotype.Component;

/** Bundles (一件事) in {@code node(id)}: public, by code. */
@Component
class BundleNodes implements NodeLookup {

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]{1,39}");

	private final BundleService bundles;

	BundleNodes(BundleService bundles) {
		this.bundles = bundles;
	}

	@Override
	public boolean owns(String id) {
		return CODE.matcher(id).matches();
	}

	@Override
	public Object find(String id) {
		return this.bundles.require(id, "id");
	}

}
