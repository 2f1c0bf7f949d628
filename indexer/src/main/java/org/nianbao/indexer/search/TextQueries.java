package org.nianbao.indexer.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.RegExp;
import org.nianbao.indexer.index.ChineseAnalyzers;
import org.nianbao.indexer.index.ReportFields;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the query for a string searched in a Chinese text field. Recall comes from the bigram field: the
 * string's bigrams as a phrase, so any substring of two or more characters finds the report. A lone Han
 * character at an edge of the string ("市2020", "2020年") is indexed only inside a bigram, so it is
 * expanded to the bigrams that start (or end) with it. Ranking adds the SmartChineseAnalyzer words as an
 * optional clause.
 */
final class TextQueries {

    /** More expansions than this for one character stop adding terms (keeps rare queries fast). */
    private static final int MAX_EXPANSIONS = 4096;

    private final IndexReader reader;
    private final Analyzer bigrams = ChineseAnalyzers.bigrams();
    private final QueryBuilder words = new QueryBuilder(ChineseAnalyzers.words());

    TextQueries(IndexReader reader) {
        this.reader = reader;
    }

    private record Token(String term, int position, boolean lonelyHan) {
    }

    Query build(String field, String raw) {
        List<Token> tokens = analyze(field, raw);
        if (tokens.isEmpty()) return new MatchNoDocsQuery("nothing searchable in '" + raw + "'");
        Query recall = recall(field, tokens);
        if (field.equals(ReportFields.TEXT)) {
            // Unqualified words also find reports whose title or agency holds them (not every text repeats them).
            recall = new BooleanQuery.Builder()
                    .add(recall, BooleanClause.Occur.SHOULD)
                    .add(recall(ReportFields.TITLE, analyze(ReportFields.TITLE, raw)), BooleanClause.Occur.SHOULD)
                    .add(recall(ReportFields.AGENCY, analyze(ReportFields.AGENCY, raw)), BooleanClause.Occur.SHOULD)
                    .build();
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(recall, BooleanClause.Occur.MUST);
        Query ranking = words.createBooleanQuery(field + ChineseAnalyzers.SMART_SUFFIX, raw, BooleanClause.Occur.SHOULD);
        if (ranking != null) b.add(ranking, BooleanClause.Occur.SHOULD);
        if (field.equals(ReportFields.TEXT)) {
            // Words of the query in a report's title make it rank higher.
            Query title = words.createBooleanQuery(ReportFields.TITLE + ChineseAnalyzers.SMART_SUFFIX, raw, BooleanClause.Occur.SHOULD);
            if (title != null) b.add(new BoostQuery(title, 2f), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    private Query recall(String field, List<Token> tokens) {
        if (tokens.size() == 1) {
            Token t = tokens.get(0);
            if (!t.lonelyHan()) return new TermQuery(new Term(field, t.term()));
            Set<BytesRef> terms = expand(field, t.term(), true, true);
            return new MultiPhraseQuery.Builder().add(terms.stream().map(b -> new Term(field, b)).toArray(Term[]::new)).build();
        }
        boolean expanded = false;
        List<Term[]> positions = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean first = i == 0;
            boolean last = i == tokens.size() - 1;
            if (t.lonelyHan() && (first || last)) {
                // First: the character ends a bigram in the document; last: it starts one.
                Set<BytesRef> terms = expand(field, t.term(), first, last);
                positions.add(terms.stream().map(b -> new Term(field, b)).toArray(Term[]::new));
                expanded = true;
            } else {
                positions.add(new Term[] {new Term(field, t.term())});
            }
        }
        if (!expanded) {
            PhraseQuery.Builder pb = new PhraseQuery.Builder();
            for (int i = 0; i < tokens.size(); i++) pb.add(positions.get(i)[0], tokens.get(i).position());
            return pb.build();
        }
        MultiPhraseQuery.Builder mb = new MultiPhraseQuery.Builder();
        for (int i = 0; i < tokens.size(); i++) mb.add(positions.get(i), tokens.get(i).position());
        return mb.build();
    }

    /** The character itself plus the indexed bigrams {@code ?c} (when {@code asEnd}) and {@code c?} (when {@code asStart}). */
    private Set<BytesRef> expand(String field, String c, boolean asEnd, boolean asStart) {
        Set<BytesRef> out = new LinkedHashSet<>();
        out.add(new BytesRef(c));
        String literal = "\"" + c + "\"";
        String pattern = asEnd && asStart ? "(." + literal + ")|(" + literal + ".)" : asEnd ? "." + literal : literal + ".";
        CompiledAutomaton automaton = new CompiledAutomaton(
                Operations.determinize(new RegExp(pattern).toAutomaton(), Operations.DEFAULT_DETERMINIZE_WORK_LIMIT));
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                Terms terms = leaf.reader().terms(field);
                if (terms == null) continue;
                TermsEnum te = automaton.getTermsEnum(terms);
                for (BytesRef b = te.next(); b != null && out.size() < MAX_EXPANSIONS; b = te.next()) out.add(BytesRef.deepCopyOf(b));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private List<Token> analyze(String field, String raw) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = bigrams.tokenStream(field, raw)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                String t = term.toString();
                boolean lonely = CJKBigramFilter.SINGLE_TYPE.equals(type.type()) && t.codePointCount(0, t.length()) == 1
                        && Character.UnicodeScript.of(t.codePointAt(0)) == Character.UnicodeScript.HAN;
                out.add(new Token(t, pos, lonely));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
