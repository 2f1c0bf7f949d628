package org.nianbao.indexer.extract.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Groups text boxes into lines (by vertical overlap), left to right, with spaces only at real gaps. */
public final class LineBuilder {

    /** One line of text with its vertical extent. */
    public record Line(double top, double bottom, double left, String text) {
    }

    private LineBuilder() {
    }

    public static List<Line> lines(List<TextBox> boxes) {
        List<TextBox> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingDouble(TextBox::cy));
        List<List<TextBox>> groups = new ArrayList<>();
        List<double[]> extents = new ArrayList<>(); // top, bottom, centre of each group
        for (TextBox b : sorted) {
            int found = -1;
            for (int i = groups.size() - 1; i >= 0 && i >= groups.size() - 3; i--) {
                double[] e = extents.get(i);
                double lineH = e[1] - e[0];
                if (Math.abs(b.cy() - e[2]) < 0.5 * Math.max(lineH, b.h())) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                groups.add(new ArrayList<>(List.of(b)));
                extents.add(new double[] {b.y(), b.y() + b.h(), b.cy()});
            } else {
                groups.get(found).add(b);
                double[] e = extents.get(found);
                e[0] = Math.min(e[0], b.y());
                e[1] = Math.max(e[1], b.y() + b.h());
            }
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            List<TextBox> g = groups.get(i);
            g.sort(Comparator.comparingDouble(TextBox::x));
            StringBuilder sb = new StringBuilder();
            TextBox prev = null;
            for (TextBox b : g) {
                if (prev != null) {
                    double gap = b.x() - (prev.x() + prev.w());
                    if (gap > 0.3 * Math.max(prev.h(), b.h())) sb.append(' ');
                }
                sb.append(b.text());
                prev = b;
            }
            String text = CjkText.closeUp(sb.toString().strip());
            if (!text.isEmpty()) out.add(new Line(extents.get(i)[0], extents.get(i)[1], g.getFirst().x(), text));
        }
        out.sort(Comparator.comparingDouble(Line::top));
        return out;
    }
}
