package org.nianbao.indexer.extract.ofd;

import org.junit.jupiter.api.Test;
import org.nianbao.indexer.extract.ExtractedDocument;
import org.nianbao.indexer.extract.ExtractedDocument.Cell;
import org.nianbao.indexer.extract.Extractors;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A small OFD written by hand (OFD.xml, document, resources, one page) read back through ofdrw. */
class OfdExtractorTest {
    private static final String NS = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";
    private final Extractors extractors = Extractors.defaults();

    static byte[] ofd(String pageContent) throws Exception {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("OFD.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD " + NS + " Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody>"
                + "<ofd:DocInfo><ofd:DocID>0c4b4a3f</ofd:DocID><ofd:Title>年报</ofd:Title></ofd:DocInfo>"
                + "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>");
        parts.put("Doc_0/Document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document " + NS + "><ofd:CommonData>"
                + "<ofd:MaxUnitID>20</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
                + "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>"
                + "<ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages></ofd:Document>");
        parts.put("Doc_0/PublicRes.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Res " + NS + " BaseLoc=\"Res\"><ofd:Fonts>"
                + "<ofd:Font ID=\"2\" FontName=\"宋体\" FamilyName=\"宋体\"/></ofd:Fonts></ofd:Res>");
        parts.put("Doc_0/Pages/Page_0/Content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Page " + NS + "><ofd:Content>"
                + "<ofd:Layer ID=\"3\">" + pageContent + "</ofd:Layer></ofd:Content></ofd:Page>");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String text(int id, String box, double x, double y, String s) {
        return "<ofd:TextObject ID=\"" + id + "\" Boundary=\"" + box + "\" Font=\"2\" Size=\"4\">"
                + "<ofd:TextCode X=\"" + x + "\" Y=\"" + y + "\" DeltaX=\"g " + Math.max(0, s.length() - 1) + " 4\">" + s
                + "</ofd:TextCode></ofd:TextObject>";
    }

    @Test
    void readsTextInReadingOrderAndARuledTable() throws Exception {
        String grid = "<ofd:PathObject ID=\"5\" Boundary=\"20 40 100 20\" LineWidth=\"0.25\"><ofd:AbbreviatedData>"
                + "M 0 0 L 100 0 M 0 10 L 100 10 M 0 20 L 100 20 M 0 0 L 0 20 M 50 0 L 50 20 M 100 0 L 100 20"
                + "</ofd:AbbreviatedData></ofd:PathObject>";
        String page = text(4, "20 20 170 10", 0, 5, "政府信息公开工作年度报告") + grid
                + text(6, "20 40 50 10", 2, 7, "本年新收") + text(7, "70 40 50 10", 2, 7, "9")
                + text(8, "20 50 50 10", 2, 7, "上年结转") + text(9, "70 50 50 10", 2, 7, "1")
                + text(10, "20 80 170 10", 0, 5, "二〇二一年一月");

        ExtractedDocument doc = extractors.extract(ofd(page), null, "report.ofd");

        assertThat(doc.error()).isNull();
        assertThat(doc.format()).isEqualTo("ofd");
        assertThat(doc.pages()).isEqualTo(1);
        assertThat(doc.text()).startsWith("政府信息公开工作年度报告").endsWith("二〇二一年一月");
        assertThat(doc.tables()).hasSize(1);
        assertThat(doc.tables().getFirst().rows()).containsExactly(
                List.of(new Cell("本年新收", 1, 1, 1), new Cell("9", 1, 1, 1)),
                List.of(new Cell("上年结转", 1, 1, 1), new Cell("1", 1, 1, 1)));
    }

    @Test
    void ofdWithAnExternalEntityIsRefused() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE ofd:OFD [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><ofd:OFD " + NS + ">&x;</ofd:OFD>";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("OFD.xml"));
            zip.write(xxe.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        ExtractedDocument doc = extractors.extract(bytes.toByteArray(), null, "evil.ofd");

        assertThat(doc.format()).isEqualTo("ofd");
        assertThat(doc.error()).contains("DOCTYPE");
        assertThat(doc.text()).doesNotContain("root:");
    }
}
