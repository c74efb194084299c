package cn.tongban.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;

import cn.tongban.catalog.search.IndexedItem;
import cn.tongban.catalog.search.ServiceItemIndex;
import cn.tongban.catalog.search.Synonym;

/**
 * Names everything the search index is built from: each indexed item (with the department, life
 * event and certificate names it carries as keywords), the synonyms, and the index's own format.
 * Equal fingerprints mean an index built earlier answers exactly as a new one would.
 */
final class CatalogueFingerprint {

	private CatalogueFingerprint() {
	}

	static String of(Collection<IndexedItem> items, Collection<Synonym> synonyms) {
		MessageDigest digest = sha256();
		update(digest, "format " + ServiceItemIndex.FORMAT);
		items.stream().sorted(Comparator.comparing(IndexedItem::code)).forEach((item) -> update(digest, item.toString()));
		synonyms.stream().sorted(Comparator.comparing(Synonym::term)).forEach((synonym) -> update(digest, synonym.toString()));
		return HexFormat.of().formatHex(digest.digest());
	}

	private static void update(MessageDigest digest, String text) {
		digest.update(text.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
