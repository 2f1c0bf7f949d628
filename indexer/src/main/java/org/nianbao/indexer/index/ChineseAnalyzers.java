package org.nianbao.indexer.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import java.io.Reader;
import java.util.HashMap;
import java.util.Map;

/**
 * The two ways Chinese text is analysed. Bigrams give recall: any two adjacent characters are a term,
 * so 诉讼 is found inside 行政诉讼 and 深圳 inside 深圳市, which word segmenters miss. SmartChineseAnalyzer's
 * words give ranking. Both first close up whitespace between two Han characters, because extracted text
 * is hard-wrapped ("行政\n诉讼"); offsets still point into the original text for highlighting.
 */
public final class ChineseAnalyzers {

    /** Suffix of the word-segmented twin of a text field ({@code text} → {@code text_smart}). */
    public static final String SMART_SUFFIX = "_smart";

    private ChineseAnalyzers() {
    }

    static Reader closeHanGaps(Reader in) {
        return new HanGapCharFilter(new CJKWidthCharFilter(in));
    }

    /** Standard tokens, full-width folded, lower-cased, CJK runs as overlapping bigrams. */
    public static Analyzer bigrams() {
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return closeHanGaps(reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                source.setMaxTokenLength(255);
                TokenStream ts = new LowerCaseFilter(source);
                ts = new CJKBigramFilter(ts);
                return new TokenStreamComponents(source, ts);
            }

            @Override
            protected Reader initReaderForNormalization(String fieldName, Reader reader) {
                return new CJKWidthCharFilter(reader);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    /** SmartChineseAnalyzer (HMM word segmentation), after the same whitespace repair. */
    public static Analyzer words() {
        Analyzer smart = new SmartChineseAnalyzer();
        return new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return smart;
            }

            @Override
            protected Reader wrapReader(String fieldName, Reader reader) {
                return closeHanGaps(reader);
            }
        };
    }

    /** The index-time analyzer: bigrams for every field except the {@code *_smart} twins. */
    public static Analyzer forIndexing() {
        Analyzer words = words();
        Map<String, Analyzer> perField = new HashMap<>();
        for (String f : ReportFields.TEXT_FIELDS) perField.put(f + SMART_SUFFIX, words);
        return new PerFieldAnalyzerWrapper(bigrams(), perField);
    }
}
