package org.nianbao.indexer.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A cheaper query to rank a page of many matches by. Scoring a phrase means counting its occurrences in
 * every report that holds it: for a word in most reports (政府信息 at 1M reports) that is most of a search's
 * time. Once the counting pass has found the matches exactly, the page can be ranked by the phrase's
 * bigrams as separate terms (their frequencies, no positions), which BM25 scores in a fraction of the time
 * and top-k search can skip through. Every clause here matches at least what the original matched
 * (negations and filters are left to the matches it is combined with), so only scores change.
 */
final class RankingQuery {

    /** More matches than this are ranked by bigram frequencies instead of phrase frequencies. */
    static final long PHRASE_SCORING_LIMIT = 20_000;

    private RankingQuery() {
    }

    static Query of(Query q) {
        if (q instanceof PhraseQuery p && p.getTerms().length > 1) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (Term t : p.getTerms()) b.add(new TermQuery(t), BooleanClause.Occur.SHOULD);
            return b.build();
        }
        if (q instanceof BoostQuery bq) return new BoostQuery(of(bq.getQuery()), bq.getBoost());
        if (q instanceof BooleanQuery b) {
            BooleanQuery.Builder out = new BooleanQuery.Builder();
            int kept = 0;
            for (BooleanClause c : b.clauses()) {
                if (c.occur() == BooleanClause.Occur.MUST_NOT || c.occur() == BooleanClause.Occur.FILTER) continue;
                out.add(of(c.query()), c.occur());
                kept++;
            }
            if (kept == 0) return new MatchAllDocsQuery();
            // Dropped clauses only narrowed the matches; the clauses kept need no minimum any more.
            return out.build();
        }
        return q;
    }
}
