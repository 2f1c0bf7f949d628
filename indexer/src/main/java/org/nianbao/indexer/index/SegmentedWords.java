package org.nianbao.indexer.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SmartChineseAnalyzer's words of short values that recur from report to report (an agency publishes every
 * year; a county holds dozens of agencies), segmented once and replayed: the HMM segmenter was about a
 * twentieth of indexing time for a dozen characters per field. The replayed stream carries the same terms
 * and positions the analyzer gives. Not thread-safe (one per {@link ReportDocuments}).
 */
final class SegmentedWords {

    /** One token as the analyzer gave it. */
    private record Token(String term, int positionIncrement, int start, int end) {
    }

    private final Analyzer words;
    private final Map<String, List<Token>> cache;

    SegmentedWords(Analyzer words, int capacity) {
        this.words = words;
        this.cache = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<Token>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The words of {@code value} in {@code field} as a token stream for a {@link org.apache.lucene.document.Field}. */
    TokenStream tokens(String field, String value) {
        return new Replay(cached(field, value));
    }

    private List<Token> cached(String field, String value) {
        List<Token> tokens = cache.get(value);
        if (tokens == null) {
            tokens = segment(field, value);
            cache.put(value, tokens);
        }
        return tokens;
    }

    private List<Token> segment(String field, String value) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = words.tokenStream(field, value)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Token(term.toString(), inc.getPositionIncrement(), offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot segment '" + value + "'", e);
        }
        return List.copyOf(out);
    }

    private static final class Replay extends TokenStream {
        private final List<Token> tokens;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private int next;

        Replay(List<Token> tokens) {
            this.tokens = tokens;
        }

        @Override
        public boolean incrementToken() {
            if (next >= tokens.size()) return false;
            clearAttributes();
            Token t = tokens.get(next++);
            term.setEmpty().append(t.term());
            inc.setPositionIncrement(t.positionIncrement());
            offset.setOffset(t.start(), t.end());
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
