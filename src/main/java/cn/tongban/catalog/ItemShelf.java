package cn.tongban.catalog;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A resident's own items for the home screen: favourites in their order (at most
 * {@value ItemShelves#MAX_FAVOURITES}) and the items they recently viewed or applied for, newest first
 * (at most {@value ItemShelves#MAX_RECENT}). One document per resident, changed atomically.
 */
@Document("item_shelves")
record ItemShelf(@Id String personId, List<String> favourites, List<String> recent) {
}
