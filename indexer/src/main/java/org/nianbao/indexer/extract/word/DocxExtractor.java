package org.nianbao.indexer.extract.word;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.nianbao.indexer.extract.ExtractedDocument;
import org.nianbao.indexer.extract.ExtractedDocument.Table;
import org.nianbao.indexer.extract.ExtractionContext;
import org.nianbao.indexer.extract.Format;
import org.nianbao.indexer.extract.FormatExtractor;
import org.nianbao.indexer.extract.ZipGuard;
import org.nianbao.indexer.extract.table.PlacedCell;
import org.nianbao.indexer.extract.table.TableAssembler;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** DOCX via POI XWPF: paragraphs and {@code w:tbl} tables in body order, gridSpan and vMerge kept. */
public final class DocxExtractor implements FormatExtractor {

    @Override
    public ExtractedDocument extract(byte[] bytes, ExtractionContext ctx) throws Exception {
        ZipGuard.check(bytes, ctx.limits());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            StringBuilder text = new StringBuilder();
            List<Table> tables = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            for (IBodyElement el : doc.getBodyElements()) {
                if (ctx.budget().exhausted()) {
                    warnings.add("time budget of " + ctx.budget().total() + " spent; rest of the document skipped");
                    break;
                }
                if (el instanceof XWPFParagraph p) {
                    String t = p.getText().strip();
                    if (!t.isEmpty()) text.append(t).append('\n');
                } else if (el instanceof XWPFTable t) {
                    Table table = table(t);
                    tables.add(table);
                    text.append(TableAssembler.asText(table));
                }
            }
            String title = doc.getProperties().getCoreProperties().getTitle();
            int pages = pages(doc);
            return new ExtractedDocument(Format.DOCX.id(), title == null || title.isBlank() ? null : title.strip(),
                    text.toString().stripTrailing(), tables, pages, "markup", warnings, null, List.of());
        }
    }

    private static int pages(XWPFDocument doc) {
        try {
            int p = doc.getProperties().getExtendedProperties().getUnderlyingProperties().getPages();
            return p > 0 ? p : 1;
        } catch (RuntimeException e) {
            return 1;
        }
    }

    static Table table(XWPFTable t) {
        List<PlacedCell> cells = new ArrayList<>();
        // Vertically merged cells: the grid column's open "restart" cell, extended by each "continue".
        List<int[]> open = new ArrayList<>(); // per grid column: index into cells, or -1
        List<XWPFTableRow> rows = t.getRows();
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = rows.get(r);
            int col = gridBefore(row);
            for (XWPFTableCell c : row.getTableCells()) {
                CTTcPr pr = c.getCTTc().getTcPr();
                int span = 1;
                if (pr != null && pr.getGridSpan() != null && pr.getGridSpan().getVal() != null) {
                    span = Math.max(1, pr.getGridSpan().getVal().intValue());
                }
                boolean vContinue = false, vRestart = false;
                if (pr != null && pr.getVMerge() != null) {
                    STMerge.Enum v = pr.getVMerge().getVal();
                    if (v == STMerge.RESTART) vRestart = true;
                    else vContinue = true; // absent val means "continue"
                }
                int at = col < open.size() ? open.get(col)[0] : -1;
                if (vContinue && at >= 0) {
                    PlacedCell o = cells.get(at);
                    cells.set(at, new PlacedCell(o.row(), o.col(), o.rowSpan() + 1, o.colSpan(), o.text(), o.page()));
                } else {
                    cells.add(new PlacedCell(r, col, 1, span, cellText(c), 0));
                    while (open.size() < col + span) open.add(new int[] {-1});
                    open.get(col)[0] = vRestart ? cells.size() - 1 : -1;
                }
                col += span;
            }
        }
        return TableAssembler.assemble(cells);
    }

    private static int gridBefore(XWPFTableRow row) {
        CTTrPr pr = row.getCtRow().getTrPr();
        if (pr == null || pr.sizeOfGridBeforeArray() == 0) return 0;
        BigInteger v = pr.getGridBeforeArray(0).getVal();
        return v == null ? 0 : v.intValue();
    }

    private static String cellText(XWPFTableCell c) {
        List<String> parts = new ArrayList<>();
        for (XWPFParagraph p : c.getParagraphs()) {
            String s = p.getText().strip();
            if (!s.isEmpty()) parts.add(s);
        }
        for (XWPFTable nested : c.getTables()) parts.add(TableAssembler.asText(table(nested)).strip());
        return String.join(" ", parts);
    }
}
