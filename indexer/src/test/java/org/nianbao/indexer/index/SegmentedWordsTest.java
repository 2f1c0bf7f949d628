package org.nianbao.indexer.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentedWordsTest {

    private static List<String> tokens(TokenStream ts) throws IOException {
        List<String> out = new ArrayList<>();
        try (ts) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + "+" + inc.getPositionIncrement() + "@" + offset.startOffset() + "-" + offset.endOffset());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void replayedWordsAreTheAnalyzersWordsFirstTimeAndFromTheCache() throws IOException {
        Analyzer words = ChineseAnalyzers.words();
        SegmentedWords segmented = new SegmentedWords(ChineseAnalyzers.words(), 2);
        List<String> values = List.of("宁夏回族自治区 吴忠市 利通区", "深圳市南山区人民政府办公室", "吴忠市人民政府办公室",
                "宁夏回族自治区 吴忠市 利通区", "北京市 Haidian 2020年");
        for (String v : values) {
            List<String> expected = tokens(words.tokenStream("agency_smart", v));
            assertThat(expected).isNotEmpty();
            assertThat(tokens(segmented.tokens("agency_smart", v))).isEqualTo(expected);
            assertThat(tokens(segmented.tokens("agency_smart", v))).as("cached").isEqualTo(expected);
        }
    }
}
