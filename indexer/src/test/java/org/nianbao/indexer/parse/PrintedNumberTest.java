package org.nianbao.indexer.parse;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class PrintedNumberTest {

    @Test
    void readsSignedChangesAsPrinted() {
        assertThat(PrintedNumber.parse("+501").orElseThrow().value()).isEqualTo(501L);
        assertThat(PrintedNumber.parse("-1").orElseThrow().value()).isEqualTo(-1L);
        assertThat(PrintedNumber.parse("减4").orElseThrow().value()).isEqualTo(-4L);
        assertThat(PrintedNumber.parse("增 12").orElseThrow().value()).isEqualTo(12L);
        assertThat(PrintedNumber.parse("１２").orElseThrow().value()).isEqualTo(12L);
    }

    @Test
    void keepsDecimalAmountsAndTheirUnit() {
        PrintedNumber n = PrintedNumber.parse("24063 万元").orElseThrow();
        assertThat(n.value()).isEqualTo(24063L);
        assertThat(n.unit()).isEqualTo("万元");
        assertThat(PrintedNumber.parse("60255.6652").orElseThrow().value()).isEqualTo(new BigDecimal("60255.6652"));
    }

    @Test
    void rejectsLabelsAndProse() {
        assertThat(PrintedNumber.parse("1.属于国家秘密")).isEmpty();
        assertThat(PrintedNumber.parse("2020年")).isEmpty();
        assertThat(PrintedNumber.parse("")).isEmpty();
        assertThat(PrintedNumber.isBlank("\u00a0")).isTrue();
        assertThat(PrintedNumber.isBlank("—")).isTrue();
    }

    @Test
    void splitsTheTrailingFiguresOffAFlattenedLine() {
        Line l = Line.fromFlat("（一）予以公开 29 1 0 0 0 0 30");
        assertThat(l.label()).isEqualTo("(一)予以公开");
        assertThat(l.numbers()).extracting(PrintedNumber::value).containsExactly(29L, 1L, 0L, 0L, 0L, 0L, 30L);
        assertThat(Line.fromFlat("2020 年以来，县政府办公室认真贯彻落实").numbers()).isEmpty();
        assertThat(Line.fromFlat("政府集中采购 3 93.36 万元").numbers().get(1).unit()).isEqualTo("万元");
        assertThat(Line.fromFlat("（七）总计9 0 0 0 0 0 9").numbers()).hasSize(7);
    }
}
