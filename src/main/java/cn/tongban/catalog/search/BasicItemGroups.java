package cn.tongban.catalog.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.FixedBitSet;

/**
 * One result per basic item (三级四同: the same item in every district): the matches grouped by basic
 * code, each group ranked by its best implementation and shown as the implementation of the first
 * preferred region that has one (the resident's, then the city's), else as its best.
 */
final class BasicItemGroups {

	/** Best first: score, then popularity, then code, as the uncollapsed ranking. */
	static final Comparator<Member> RANKING = Comparator.comparingDouble((Member m) -> -m.score())
		.thenComparingLong((m) -> -m.popularity())
		.thenComparing(Member::code);

	private BasicItemGroups() {
	}

	/** One matching implementation. */
	record Member(LeafReaderContext leaf, int doc, float score, long popularity, String code, String region) {

		int globalDoc() {
			return this.leaf.docBase + this.doc;
		}

	}

	/** A basic item's matches: the best one ranks the group, the shown one stands for it. */
	static final class Group {

		Member best;

		Member shown;

		int shownPreference = Integer.MAX_VALUE;

		void add(Member member, List<String> shownRegions) {
			if (this.best == null || RANKING.compare(member, this.best) < 0) {
				this.best = member;
			}
			int preference = shownRegions.indexOf(member.region());
			preference = (preference < 0) ? Integer.MAX_VALUE : preference;
			if (this.shown == null || preference < this.shownPreference
					|| (preference == this.shownPreference && RANKING.compare(member, this.shown) < 0)) {
				this.shown = member;
				this.shownPreference = preference;
			}
		}

	}

	/**
	 * The groups of every match scoring at least {@code minScore}, best group first.
	 * @param matches every match with its score (collected with scores kept)
	 */
	static List<Group> collapse(FacetsCollector matches, float minScore, List<String> shownRegions) throws IOException {
		Map<String, Group> groups = new HashMap<>();
		for (FacetsCollector.MatchingDocs docs : matches.getMatchingDocs()) {
			SortedDocValues basicCodes = DocValues.getSorted(docs.context.reader(), SearchFields.BASIC_CODE_GROUP);
			SortedDocValues regions = DocValues.getSorted(docs.context.reader(), SearchFields.REGION_GROUP);
			SortedDocValues codes = DocValues.getSorted(docs.context.reader(), SearchFields.CODE_SORT);
			NumericDocValues popularity = DocValues.getNumeric(docs.context.reader(), SearchFields.POPULARITY);
			DocIdSetIterator iterator = docs.bits.iterator();
			// scores are kept in collection order, which is doc id order within a segment
			for (int i = 0, doc = iterator.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; i++, doc = iterator.nextDoc()) {
				float score = (docs.scores != null) ? docs.scores[i] : 0f;
				if (score < minScore) {
					continue;
				}
				String code = value(codes, doc);
				String basicCode = value(basicCodes, doc);
				Member member = new Member(docs.context, doc, score, popularity.advanceExact(doc) ? popularity.longValue() : 0,
						code, value(regions, doc));
				groups.computeIfAbsent(basicCode.isEmpty() ? code : basicCode, (key) -> new Group())
					.add(member, shownRegions);
			}
		}
		List<Group> ranked = new ArrayList<>(groups.values());
		ranked.sort((a, b) -> RANKING.compare(a.best, b.best));
		return ranked;
	}

	/** The shown implementation of every group, as facet counting expects matches. */
	static FacetsCollector shown(List<Group> groups, FacetsCollector matches) {
		Map<LeafReaderContext, FixedBitSet> bits = new HashMap<>();
		Map<LeafReaderContext, Integer> counts = new HashMap<>();
		for (Group group : groups) {
			LeafReaderContext leaf = group.shown.leaf();
			bits.computeIfAbsent(leaf, (l) -> new FixedBitSet(l.reader().maxDoc())).set(group.shown.doc());
			counts.merge(leaf, 1, Integer::sum);
		}
		List<FacetsCollector.MatchingDocs> kept = new ArrayList<>();
		for (FacetsCollector.MatchingDocs docs : matches.getMatchingDocs()) {
			FixedBitSet leafBits = bits.get(docs.context);
			if (leafBits != null) {
				int count = counts.get(docs.context);
				kept.add(new FacetsCollector.MatchingDocs(docs.context, new BitDocIdSet(leafBits, count), count, null));
			}
		}
		return new ServiceItemIndex.KeptMatches(kept);
	}

	private static String value(SortedDocValues values, int doc) throws IOException {
		return values.advanceExact(doc) ? values.lookupOrd(values.ordValue()).utf8ToString() : "";
	}

}
