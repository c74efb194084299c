package cn.tongban.catalog.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Passes on only the hits scoring at least {@code minScore}: weak matches (a word found only in
 * some guide text) drop out of counts, facets and pages alike.
 */
final class MinScoreCollectorManager<C extends Collector, T> implements CollectorManager<Collector, T> {

	private final CollectorManager<C, T> delegate;

	private final float minScore;

	private final Map<Collector, C> inner = new IdentityHashMap<>();

	MinScoreCollectorManager(CollectorManager<C, T> delegate, float minScore) {
		this.delegate = delegate;
		this.minScore = minScore;
	}

	@Override
	public synchronized Collector newCollector() throws IOException {
		C collector = this.delegate.newCollector();
		Collector filtered = new FilterCollector(collector) {

			@Override
			public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
				return new FilterLeafCollector(super.getLeafCollector(context)) {

					private Scorable scorer;

					@Override
					public void setScorer(Scorable scorer) throws IOException {
						this.scorer = scorer;
						super.setScorer(scorer);
					}

					@Override
					public void collect(int doc) throws IOException {
						if (this.scorer.score() >= MinScoreCollectorManager.this.minScore) {
							super.collect(doc);
						}
					}
				};
			}

			@Override
			public ScoreMode scoreMode() {
				return ScoreMode.COMPLETE;
			}
		};
		this.inner.put(filtered, collector);
		return filtered;
	}

	@Override
	public synchronized T reduce(Collection<Collector> collectors) throws IOException {
		List<C> delegates = new ArrayList<>(collectors.size());
		for (Collector collector : collectors) {
			delegates.add(this.inner.get(collector));
		}
		return this.delegate.reduce(delegates);
	}

}
