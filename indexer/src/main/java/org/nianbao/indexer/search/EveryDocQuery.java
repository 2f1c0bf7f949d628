package org.nianbao.indexer.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorerSupplier;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * Every document, as a filter clause Lucene does not rewrite away (it drops a MatchAllDocsQuery filter).
 * Added to a counting query it makes the query a conjunction, so a disjunction inside (a word searched in
 * text, title and agency) is checked field by field, cheapest first, stopping at the first field that
 * matches; alone, a disjunction is counted a window at a time with every field checked in full, so a
 * phrase in every title (政府信息) was checked again at each of its positions in every text.
 */
final class EveryDocQuery extends Query {

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) {
                return ConstantScoreScorerSupplier.matchAll(score(), scoreMode, context.reader().maxDoc());
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
        return "every-doc";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EveryDocQuery;
    }

    @Override
    public int hashCode() {
        return EveryDocQuery.class.hashCode();
    }
}
