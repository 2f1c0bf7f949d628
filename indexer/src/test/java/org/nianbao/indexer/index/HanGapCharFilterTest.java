package org.nianbao.indexer.index;

import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class HanGapCharFilterTest {

    /** The regex the hand-written filter replaces; both must give the same text and the same offsets. */
    private static final Pattern HAN_GAP = Pattern.compile("(\\p{IsHan})[\\s\\u3000]+(?=\\p{IsHan})");

    @Test
    void closesWhitespaceBetweenHanCharactersOnly() throws IOException {
        assertThat(filtered("行政\n诉讼")).isEqualTo("行政诉讼");
        assertThat(filtered("行政 \u3000\r\n诉讼 2020 年 ab 中")).isEqualTo("行政诉讼 2020 年 ab 中");
        assertThat(filtered("深圳市 \n")).isEqualTo("深圳市 \n");
        assertThat(filtered("𠀀 \n𠀁")).isEqualTo("𠀀𠀁");
    }

    @Test
    void givesTheSameTextAndOffsetsAsTheRegexItReplaces() throws IOException {
        List<String> texts = new ArrayList<>(List.of("行政\n诉讼", "a 行 \n 政 b", "中 ", " 中", "", "一\t二\u3000三  四\n\n五"));
        Path dir = Path.of(System.getProperty("nianbao.shared"), "corpus", "seeds-text");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().limit(3).toList()) texts.add(Files.readString(p, StandardCharsets.UTF_8));
        }
        for (String text : texts) {
            CharFilter ours = new HanGapCharFilter(new StringReader(text));
            CharFilter regex = new PatternReplaceCharFilter(HAN_GAP, "$1", new StringReader(text));
            String a = drain(ours);
            assertThat(a).isEqualTo(drain(regex));
            for (int i = 0; i <= a.length(); i++) assertThat(ours.correctOffset(i)).as("offset %d", i).isEqualTo(regex.correctOffset(i));
            // Out of order too: the filter walks forward from its last answer and must fall back correctly.
            for (int i = a.length(); i >= 0; i -= 7) assertThat(ours.correctOffset(i)).as("offset %d", i).isEqualTo(regex.correctOffset(i));
        }
    }

    private static String filtered(String s) throws IOException {
        return drain(new HanGapCharFilter(new StringReader(s)));
    }

    private static String drain(CharFilter f) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[37];
        for (int n; (n = f.read(buf, 0, buf.length)) != -1; ) sb.append(buf, 0, n);
        return sb.toString();
    }
}
