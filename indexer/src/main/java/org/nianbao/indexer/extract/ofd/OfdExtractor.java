package org.nianbao.indexer.extract.ofd;

import org.dom4j.Element;
import org.nianbao.indexer.extract.ExtractedDocument;
import org.nianbao.indexer.extract.ExtractionContext;
import org.nianbao.indexer.extract.Format;
import org.nianbao.indexer.extract.FormatExtractor;
import org.nianbao.indexer.extract.ZipGuard;
import org.nianbao.indexer.extract.layout.GridDetector;
import org.nianbao.indexer.extract.layout.PageLayout;
import org.nianbao.indexer.extract.layout.Ruling;
import org.nianbao.indexer.extract.layout.TableStitcher;
import org.nianbao.indexer.extract.layout.TextBox;
import org.nianbao.indexer.extract.table.TableAssembler;
import org.ofdrw.core.basicStructure.pageObj.layer.CT_Layer;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.reader.PageInfo;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * OFD (GB/T 33190, China's fixed-layout format) via ofdrw-reader: text objects and path objects of
 * every page, laid out like a PDF page (text lines in reading order, tables from the ruling lines).
 * Coordinates are millimetres, y downwards.
 */
public final class OfdExtractor implements FormatExtractor {
    private static final double MM_TOLERANCE = 0.7;

    @Override
    public ExtractedDocument extract(byte[] bytes, ExtractionContext ctx) throws Exception {
        ZipGuard.check(bytes, ctx.limits()); // before ofdrw unpacks it to disk
        List<String> warnings = new ArrayList<>();
        List<PageLayout.Page> pages = new ArrayList<>();
        int total;
        try (OFDReader reader = new OFDReader(new ByteArrayInputStream(bytes))) {
            total = reader.getNumberOfPages();
            int limit = Math.min(total, ctx.limits().maxPages());
            if (total > limit) warnings.add("page cap: read " + limit + " of " + total + " pages");
            GridDetector grids = new GridDetector(MM_TOLERANCE);
            List<PageInfo> infos = reader.getPageList();
            for (int i = 0; i < limit; i++) {
                if (ctx.budget().exhausted()) {
                    warnings.add("time budget of " + ctx.budget().total() + " spent after " + i + " of " + total + " pages; rest skipped");
                    break;
                }
                try {
                    PageInfo info = infos.get(i);
                    List<TextBox> boxes = new ArrayList<>();
                    List<Ruling> rulings = new ArrayList<>();
                    for (CT_Layer layer : info.getAllLayer()) collect(layer, boxes, rulings);
                    double height = info.getSize() == null ? 297 : info.getSize().getHeight();
                    pages.add(PageLayout.lay(i + 1, height, boxes, grids.detect(rulings)));
                } catch (RuntimeException e) {
                    warnings.add("page " + (i + 1) + " unreadable: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
                }
            }
        }
        StringBuilder text = new StringBuilder();
        for (PageLayout.Page p : pages) {
            for (PageLayout.Block b : p.blocks()) {
                if (b.line() != null) text.append(b.line()).append('\n');
                else text.append(TableAssembler.asText(TableAssembler.assemble(b.table().cells())));
            }
        }
        return new ExtractedDocument(Format.OFD.id(), null, text.toString().stripTrailing(),
                new TableStitcher(1.0).stitch(pages), total, "text-layer", warnings, null, List.of());
    }

    /** Walks a layer or page block: text codes become boxes, straight path segments become rulings. */
    private static void collect(Element container, List<TextBox> boxes, List<Ruling> rulings) {
        for (Element e : container.elements()) {
            switch (e.getName()) {
                case "TextObject" -> text(e, boxes);
                case "PathObject" -> path(e, rulings);
                case "PageBlock" -> collect(e, boxes, rulings);
                default -> { }
            }
        }
    }

    private static void text(Element obj, List<TextBox> boxes) {
        double[] box = numbers(obj.attributeValue("Boundary"));
        if (box.length < 4) return;
        double size = parse(obj.attributeValue("Size"), 3.5);
        double x = 0, y = 0;
        for (Element code : obj.elements("TextCode")) {
            String content = code.getText();
            if (content == null || content.isBlank()) continue;
            x = parse(code.attributeValue("X"), x);
            y = parse(code.attributeValue("Y"), y);
            List<Double> dx = deltas(code.attributeValue("DeltaX"), content.length() - 1);
            double cx = box[0] + x;
            for (int i = 0; i < content.length(); i++) {
                String ch = content.substring(i, i + 1);
                double advance = i < dx.size() ? dx.get(i) : size;
                if (!ch.isBlank()) boxes.add(new TextBox(cx, box[1] + y - size * 0.85, Math.min(advance, size), size, ch));
                cx += advance;
            }
        }
    }

    private static void path(Element obj, List<Ruling> rulings) {
        double[] box = numbers(obj.attributeValue("Boundary"));
        Element data = obj.element("AbbreviatedData");
        if (box.length < 4 || data == null || "false".equals(obj.attributeValue("Stroke"))) return;
        String[] t = data.getText().trim().split("\\s+");
        double px = 0, py = 0;
        for (int i = 0; i < t.length; i++) {
            switch (t[i]) {
                case "M", "S" -> {
                    if (i + 2 < t.length) {
                        px = parse(t[i + 1], 0);
                        py = parse(t[i + 2], 0);
                        i += 2;
                    }
                }
                case "L" -> {
                    if (i + 2 < t.length) {
                        double nx = parse(t[i + 1], 0), ny = parse(t[i + 2], 0);
                        i += 2;
                        double x1 = box[0] + px, y1 = box[1] + py, x2 = box[0] + nx, y2 = box[1] + ny;
                        if (Math.abs(y1 - y2) < 0.3 && Math.abs(x1 - x2) > 0.3) rulings.add(new Ruling(true, (y1 + y2) / 2, x1, x2));
                        else if (Math.abs(x1 - x2) < 0.3 && Math.abs(y1 - y2) > 0.3) rulings.add(new Ruling(false, (x1 + x2) / 2, y1, y2));
                        px = nx;
                        py = ny;
                    }
                }
                default -> { }
            }
        }
    }

    /** DeltaX, with its "g N value" repetition shorthand expanded. */
    static List<Double> deltas(String s, int wanted) {
        List<Double> out = new ArrayList<>();
        if (s == null || s.isBlank()) return out;
        String[] t = s.trim().split("\\s+");
        for (int i = 0; i < t.length && out.size() < Math.max(wanted, 0) + 1; i++) {
            if (t[i].equals("g") && i + 2 < t.length) {
                int n = (int) parse(t[i + 1], 0);
                double v = parse(t[i + 2], 0);
                for (int k = 0; k < n && out.size() <= wanted; k++) out.add(v);
                i += 2;
            } else {
                out.add(parse(t[i], 0));
            }
        }
        return out;
    }

    private static double[] numbers(String s) {
        if (s == null) return new double[0];
        String[] t = s.trim().split("\\s+");
        double[] v = new double[t.length];
        for (int i = 0; i < t.length; i++) v[i] = parse(t[i], 0);
        return v;
    }

    private static double parse(String s, double fallback) {
        if (s == null) return fallback;
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
