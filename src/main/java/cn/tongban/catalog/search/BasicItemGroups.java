package cn.tongban.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.apache.lucene.util.BytesRef;
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

	/**
	 * One matching implementation: its code is read only when a tie needs it.
	 * @param preference position of its region among the preferred ones, {@code Integer.MAX_VALUE} if none
	 */
	record Member(LeafReaderContext leaf, int doc, float score, long popularity, int preference, String[] codeHolder) {

		Member(LeafReaderContext leaf, int doc, float score, long popularity, int preference) {
			this(leaf, doc, score, popularity, preference, new String[1]);
		}

		int globalDoc() {
			return this.leaf.docBase + this.doc;
		}

		String code() {
			if (this.codeHolder[0] == null) {
				try {
					this.codeHolder[0] = value(DocValues.getSorted(this.leaf.reader(), SearchFields.CODE_SORT), this.doc);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			return this.codeHolder[0];
		}

	}

	/** A basic item's matches: the best one ranks the group, the shown one stands for it. */
	static final class Group {

		Member best;

		Member shown;

		void add(Member member) {
			if (this.best == null || RANKING.compare(member, this.best) < 0) {
				this.best = member;
			}
			if (this.shown == null || member.preference() < this.shown.preference()
					|| (member.preference() == this.shown.preference() && RANKING.compare(member, this.shown) < 0)) {
				this.shown = member;
			}
		}

		void addAll(Group other) {
			add(other.best);
			add(other.shown);
		}

	}

	/**
	 * The groups of every match scoring at least {@code minScore}, best group first. Within a segment
	 * matches are grouped by the ordinal of their basic code and preferred regions are compared by
	 * ordinal; a basic code is read once per group and segment, a code only to break a tie.
	 * @param matches every match with its score (collected with scores kept)
	 */
	static List<Group> collapse(FacetsCollector matches, float minScore, List<String> shownRegions) throws IOException {
		Map<String, Group> groups = new HashMap<>();
		for (FacetsCollector.MatchingDocs docs : matches.getMatchingDocs()) {
			SortedDocValues basicCodes = DocValues.getSorted(docs.context.reader(), SearchFields.BASIC_CODE_GROUP);
			SortedDocValues regions = DocValues.getSorted(docs.context.reader(), SearchFields.REGION_GROUP);
			NumericDocValues popularity = DocValues.getNumeric(docs.context.reader(), SearchFields.POPULARITY);
			int[] preferredOrds = new int[shownRegions.size()];
			for (int i = 0; i < preferredOrds.length; i++) {
				preferredOrds[i] = regions.lookupTerm(new BytesRef(shownRegions.get(i)));
			}
			Map<Integer, Group> byOrd = new HashMap<>();
			DocIdSetIterator iterator = docs.bits.iterator();
			// scores are kept in collection order, which is doc id order within a segment
			for (int i = 0, doc = iterator.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; i++, doc = iterator.nextDoc()) {
				float score = (docs.scores != null) ? docs.scores[i] : 0f;
				if (score < minScore) {
					continue;
				}
				int basicOrd = basicCodes.advanceExact(doc) ? basicCodes.ordValue() : -1 - doc;
				int regionOrd = regions.advanceExact(doc) ? regions.ordValue() : -1;
				int preference = Integer.MAX_VALUE;
				for (int p = 0; p < preferredOrds.length; p++) {
					if (preferredOrds[p] >= 0 && preferredOrds[p] == regionOrd) {
						preference = p;
						break;
					}
				}
				Member member = new Member(docs.context, doc, score,
						popularity.advanceExact(doc) ? popularity.longValue() : 0, preference);
				byOrd.computeIfAbsent(basicOrd, (ord) -> new Group()).add(member);
			}
			for (Map.Entry<Integer, Group> entry : byOrd.entrySet()) {
				String key = (entry.getKey() >= 0) ? basicCodes.lookupOrd(entry.getKey()).utf8ToString()
						: entry.getValue().best.code();
				Group held = groups.putIfAbsent(key, entry.getValue());
				if (held != null) {
					held.addAll(entry.getValue());
				}
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
