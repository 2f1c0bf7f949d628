package org.nianbao.indexer.search;

import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorerSupplier;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents a counting pass already found (its {@link FacetsCollector.MatchingDocs}), as a filter for the
 * pass that ranks the page: a phrase is then only scored in the reports that hold it, not re-checked in every
 * report that holds its bigrams apart. Valid only for the searcher whose pass collected them.
 */
final class MatchedDocsQuery extends Query {

    private final Map<Integer, FixedBitSet> byLeaf = new HashMap<>();
    private final Map<Integer, Integer> counts = new HashMap<>();

    MatchedDocsQuery(List<FacetsCollector.MatchingDocs> matches) throws IOException {
        for (FacetsCollector.MatchingDocs m : matches) {
            if (m.totalHits() == 0 || m.bits() == null) continue;
            int ord = m.context().ord;
            FixedBitSet bits = byLeaf.computeIfAbsent(ord, o -> new FixedBitSet(m.context().reader().maxDoc()));
            DocIdSetIterator it = m.bits().iterator();
            if (it != null) bits.or(it);
            counts.merge(ord, m.totalHits(), Integer::sum);
        }
    }

    /** The matches in the segment with this ordinal, or null when none. */
    FixedBitSet bits(int leafOrd) {
        return byLeaf.get(leafOrd);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) {
                FixedBitSet bits = byLeaf.get(context.ord);
                if (bits == null) return null;
                long cost = counts.getOrDefault(context.ord, 1);
                return ConstantScoreScorerSupplier.fromIterator(new org.apache.lucene.util.BitSetIterator(bits, cost), score(), scoreMode,
                        context.reader().maxDoc());
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return false;
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "matched(" + counts.values().stream().mapToLong(Integer::longValue).sum() + " docs)";
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
