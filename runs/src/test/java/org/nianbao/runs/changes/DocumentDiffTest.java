package org.nianbao.runs.changes;

import org.junit.jupiter.api.Test;
import org.nianbao.indexer.extract.ExtractedDocument;
import org.nianbao.indexer.extract.Extractors;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentDiffTest {

    private static ExtractedDocument html(String body) {
        return Extractors.defaults().extract(("<html><head><meta charset='utf-8'><title>年报</title></head><body>" + body
                + "</body></html>").getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", "r.html");
    }

    private static String table(String newCases) {
        return "<table><tr><td>项目</td><td>数量</td></tr><tr><td>新收政府信息公开申请数量</td><td>" + newCases
                + "</td></tr><tr><td>上年结转</td><td>3</td></tr></table>";
    }

    @Test
    void aSilentlyEditedFigureShowsAsOneChangedCellAndOneChangedLine() {
        ExtractedDocument before = html("<p>一、总体情况</p><p>本年度共收到申请12件。</p>" + table("12"));
        ExtractedDocument after = html("<p>一、总体情况</p><p>本年度共收到申请21件。</p>" + table("21"));
        ChangeDiff d = DocumentDiff.between(before, after, "old", "new");

        assertThat(d.cells()).containsExactly(new ChangeDiff.CellChange(1, 2, 2, "新收政府信息公开申请数量", "12", "21"));
        assertThat(d.linesRemoved()).isPositive();
        assertThat(d.linesAdded()).isPositive();
        assertThat(d.textDiff()).first().asString().startsWith("--- old");
        assertThat(d.textDiff()).anyMatch(l -> l.startsWith("-") && l.contains("12件"))
                .anyMatch(l -> l.startsWith("+") && l.contains("21件"));
    }

    @Test
    void identicalDocumentsHaveAnEmptyDiff() {
        ExtractedDocument a = html("<p>本年度共收到申请12件。</p>" + table("12"));
        ChangeDiff d = DocumentDiff.between(a, a, "a", "b");
        assertThat(d.textDiff()).isEmpty();
        assertThat(d.cells()).isEmpty();
        assertThat(d.linesAdded() + d.linesRemoved()).isZero();
    }

    @Test
    void aRowThatAppearsIsReportedCellByCell() {
        ExtractedDocument before = html(table("5"));
        ExtractedDocument after = html(table("5").replace("</table>", "<tr><td>本年办结</td><td>4</td></tr></table>"));
        assertThat(DocumentDiff.between(before, after, "a", "b").cells())
                .containsExactly(new ChangeDiff.CellChange(1, 4, 1, "本年办结", null, "本年办结"),
                        new ChangeDiff.CellChange(1, 4, 2, "本年办结", null, "4"));
    }
}
