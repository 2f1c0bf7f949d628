package org.nianbao.indexer.search;

import org.junit.jupiter.api.Test;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseSentencesTest {

    private static final String TEXT = "本年度共收到申请12件。其中，当面申请3件！网上申请？\n表格：数据；完";

    @Test
    void splitsAfterEachRunOfSentenceEndsAndLineBreaks() {
        BreakIterator it = new ChineseSentences();
        it.setText(TEXT);
        List<String> sentences = new ArrayList<>();
        for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            sentences.add(TEXT.substring(start, end));
        }
        assertThat(sentences).containsExactly("本年度共收到申请12件。", "其中，当面申请3件！", "网上申请？\n", "表格：数据；", "完");
        assertThat(String.join("", sentences)).isEqualTo(TEXT);
    }

    @Test
    void followingAndPrecedingFindTheBoundariesAroundAnOffset() {
        BreakIterator it = new ChineseSentences();
        it.setText(TEXT);
        int inSecond = TEXT.indexOf("当面");
        assertThat(it.preceding(inSecond)).isEqualTo(TEXT.indexOf("其中"));
        assertThat(it.following(inSecond)).isEqualTo(TEXT.indexOf("网上"));
        assertThat(it.current()).isEqualTo(TEXT.indexOf("网上"));
        assertThat(it.following(TEXT.length() - 1)).isEqualTo(TEXT.length());
        assertThat(it.following(TEXT.length())).isEqualTo(BreakIterator.DONE);
        assertThat(it.preceding(0)).isEqualTo(BreakIterator.DONE);
        assertThat(it.preceding(1)).isZero();
        assertThat(it.last()).isEqualTo(TEXT.length());
        assertThat(it.previous()).isEqualTo(TEXT.indexOf("完"));
    }

    @Test
    void aTextWithoutSentenceEndsIsOneSentence() {
        BreakIterator it = new ChineseSentences();
        it.setText("没有句号的一段表格文字");
        assertThat(it.first()).isZero();
        assertThat(it.next()).isEqualTo(11);
        assertThat(it.next()).isEqualTo(BreakIterator.DONE);
    }
}
