package cn.tongban.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.PlatformError;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Favourites (收藏) and recent items (最近使用) per resident. Favourites change by conditional atomic
 * updates (never a duplicate, never more than the limit, a reorder only of the list the resident saw);
 * recent items are kept automatically when a resident opens an item's guide or applies for it,
 * written without waiting for the disk (a crash may forget the last second of them, which is all
 * they are worth).
 */
@Service
public class ItemShelves {

	static final int MAX_FAVOURITES = 50;

	static final int MAX_RECENT = 20;

	private static final String COLLECTION = "item_shelves";

	private final MongoTemplate mongo;

	private final CatalogService catalog;

	ItemShelves(MongoTemplate mongo, CatalogService catalog) {
		this.mongo = mongo;
		this.catalog = catalog;
	}

	ItemShelf shelf(String personId) {
		ItemShelf shelf = this.mongo.findById(personId, ItemShelf.class);
		return (shelf != null) ? shelf : new ItemShelf(personId, List.of(), List.of());
	}

	/** The items of a list that are still active, in its order (retired ones are left out, not removed). */
	List<ServiceItem> items(List<String> codes) {
		Map<String, ServiceItem> found = this.catalog.itemsByCodes(codes);
		return codes.stream().map(found::get).filter(Objects::nonNull).filter(ServiceItem::isActive).toList();
	}

	/** Adds an active item at the end; already there: unchanged. FAVOURITES_FULL at the limit. */
	ItemShelf addFavourite(String personId, String code) {
		if (this.catalog.findItem(code).filter(ServiceItem::isActive).isEmpty()) {
			throw ApiException.onField("input.code", CatalogError.ITEM_NOT_FOUND, code);
		}
		Query mine = Query.query(Criteria.where("_id").is(personId));
		this.mongo.upsert(mine, new Update().setOnInsert("favourites", List.of()).setOnInsert("recent", List.of()),
				ItemShelf.class);
		Query addable = Query.query(Criteria.where("_id").is(personId)
			.and("favourites").ne(code)
			.and("favourites." + (MAX_FAVOURITES - 1)).exists(false));
		if (this.mongo.updateFirst(addable, new Update().push("favourites", code), ItemShelf.class).getModifiedCount() == 0) {
			ItemShelf shelf = shelf(personId);
			if (!shelf.favourites().contains(code)) {
				throw ApiException.onField("input.code", CatalogError.FAVOURITES_FULL, MAX_FAVOURITES);
			}
		}
		return shelf(personId);
	}

	ItemShelf removeFavourite(String personId, String code) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(personId)), new Update().pull("favourites", code),
				ItemShelf.class);
		return shelf(personId);
	}

	/**
	 * Puts the favourites in the given order, which must name exactly the current ones; a change made
	 * meanwhile (on another device) is VERSION_CONFLICT rather than lost.
	 */
	ItemShelf reorderFavourites(String personId, List<String> codes) {
		ItemShelf shelf = shelf(personId);
		if (codes.size() != shelf.favourites().size() || !new HashSet<>(codes).equals(new HashSet<>(shelf.favourites()))) {
			throw ApiException.onField("input.codes", PlatformError.INVALID_ARGUMENT,
					"the order must name exactly the current favourites, each once");
		}
		Query unchanged = Query.query(Criteria.where("_id").is(personId).and("favourites").is(shelf.favourites()));
		if (this.mongo.updateFirst(unchanged, Update.update("favourites", codes), ItemShelf.class).getModifiedCount() == 0
				&& !codes.equals(shelf.favourites())) {
			throw ApiException.onField("input.codes", PlatformError.VERSION_CONFLICT);
		}
		return shelf(personId);
	}

	/** Records that a resident opened or applied for items: they move to the front of the recent ones. */
	public void recordRecent(String personId, List<String> codes) {
		if (personId == null || codes.isEmpty()) {
			return;
		}
		List<String> recent = new ArrayList<>(codes);
		for (String code : shelf(personId).recent()) {
			if (!recent.contains(code) && recent.size() < MAX_RECENT) {
				recent.add(code);
			}
		}
		List<String> kept = recent.subList(0, Math.min(recent.size(), MAX_RECENT));
		unjournaled().updateOne(Filters.eq("_id", personId),
				Updates.combine(Updates.set("recent", kept), Updates.setOnInsert("favourites", List.of())),
				new UpdateOptions().upsert(true));
	}

	private MongoCollection<Document> unjournaled() {
		return this.mongo.getCollection(COLLECTION).withWriteConcern(WriteConcern.W1.withJournal(false));
	}

}
