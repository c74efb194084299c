package cn.tongban.catalog.search;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A colloquial term and what it means in the catalogue's language (驾照 → 驾驶证), kept as data
 * (seeds/search/synonyms.json, collection {@code search_synonyms}) so operators can extend it.
 */
@Document("search_synonyms")
public record Synonym(@Id String term, List<String> means) {
}
