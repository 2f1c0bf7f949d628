package org.nianbao.indexer.parse;

import org.nianbao.indexer.extract.ExtractedDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One printed line or table row, split into its label (compact text) and its figures.
 *
 * @param label   the non-numeric text of the line, compact (see {@link Compact})
 * @param numbers the figures in reading order; blanks are not seen in flattened text
 * @param cells   for rows with known cell boundaries (a real table, or tab-separated text), the cell
 *                texts in order, else null — then blank cells keep their positions
 */
record Line(String label, List<PrintedNumber> numbers, List<String> cells) {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u3000]+");
    /** A label with a figure glued to its end, e.g. "予以公开4": split only when CJK precedes the digits. */
    private static final Pattern GLUED = Pattern.compile("(.*[\\p{IsHan}）)])([+\\-]?\\d+(?:\\.\\d+)?)");

    Line {
        numbers = List.copyOf(numbers);
        cells = cells == null ? null : List.copyOf(cells);
    }

    boolean positional() {
        return cells != null;
    }

    /** Lines of flattened text; tab-separated lines keep their cells. */
    static List<Line> fromText(String text) {
        List<Line> lines = new ArrayList<>();
        if (text == null) return lines;
        for (String raw : text.split("\\R", -1)) {
            if (raw.indexOf('\t') >= 0) lines.add(fromCells(List.of(raw.split("\t", -1)), true));
            else lines.add(fromFlat(raw));
        }
        return lines;
    }

    /** Rows of extracted tables, each row's own cells in order (merged cells appear once). */
    static List<Line> fromTables(List<ExtractedDocument.Table> tables) {
        List<Line> lines = new ArrayList<>();
        for (ExtractedDocument.Table t : tables) {
            for (List<ExtractedDocument.Cell> row : t.rows()) {
                lines.add(fromCells(row.stream().map(c -> c.text() == null ? "" : c.text()).toList(), false));
            }
        }
        return lines;
    }

    /** @param trimTrailing drop empty trailing cells (tab-separated text ends rows with stray tabs; real cells keep their place) */
    static Line fromCells(List<String> rawCells, boolean trimTrailing) {
        List<String> cells = new ArrayList<>(rawCells.stream().map(String::strip).toList());
        while (trimTrailing && !cells.isEmpty() && cells.getLast().isEmpty()) cells.removeLast();
        StringBuilder label = new StringBuilder();
        List<PrintedNumber> numbers = new ArrayList<>();
        for (String c : cells) {
            Optional<PrintedNumber> n = PrintedNumber.parseCell(c);
            if (n.isPresent()) numbers.add(n.get());
            else if (!PrintedNumber.isBlank(c)) label.append(Compact.of(c));
        }
        return new Line(label.toString(), numbers, cells);
    }

    static Line fromFlat(String raw) {
        String s = Compact.nfkc(raw).strip();
        if (s.isEmpty()) return new Line("", List.of(), null);
        String[] tokens = SPACES.split(s);
        int start = tokens.length;
        // The figures are the run of numeric tokens that ends the line; numbers inside prose are not cells.
        while (start > 0 && (PrintedNumber.parse(tokens[start - 1]).isPresent() || (PrintedNumber.isUnit(tokens[start - 1])
                && start - 1 > 0 && PrintedNumber.parse(tokens[start - 2]).isPresent()))) {
            start--;
        }
        List<PrintedNumber> numbers = new ArrayList<>();
        for (int i = start; i < tokens.length; i++) {
            if (PrintedNumber.isUnit(tokens[i])) {
                PrintedNumber prev = numbers.removeLast();
                numbers.add(new PrintedNumber(prev.value(), tokens[i]));
            } else {
                numbers.add(PrintedNumber.parse(tokens[i]).orElseThrow());
            }
        }
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < start; i++) label.append(tokens[i]);
        String lab = Compact.of(label.toString());
        if (start > 0 && start <= tokens.length) {
            var m = GLUED.matcher(lab);
            Optional<PrintedNumber> glued = m.matches() ? PrintedNumber.parse(m.group(2)) : Optional.empty();
            if (glued.isPresent() && !lab.matches(".*第\\d+$") && (start < tokens.length || lab.length() <= 40)) {
                numbers.addFirst(glued.get());
                lab = m.group(1);
            }
        }
        return new Line(lab, numbers, null);
    }

    /** The last {@code width} cells as figures (null = blank), or empty when one of them is text. */
    Optional<List<PrintedNumber>> lastCells(int width) {
        if (cells == null || cells.size() < width) return Optional.empty();
        List<PrintedNumber> out = new ArrayList<>();
        for (String c : cells.subList(cells.size() - width, cells.size())) {
            if (PrintedNumber.isBlank(c)) out.add(null);
            else {
                Optional<PrintedNumber> n = PrintedNumber.parseCell(c);
                if (n.isPresent()) out.add(n.get());
                else if (PrintedNumber.isNoise(c)) out.add(null);
                else return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    /** The cells after the label cells (trailing blanks dropped), as figures; empty when text follows. */
    Optional<List<PrintedNumber>> cellsAfterLabel() {
        if (cells == null) return Optional.empty();
        int first = 0;
        for (int i = 0; i < cells.size(); i++) {
            if (!PrintedNumber.isBlank(cells.get(i)) && PrintedNumber.parseCell(cells.get(i)).isEmpty()) first = i + 1;
        }
        if (first == 0) return Optional.empty();
        List<PrintedNumber> out = new ArrayList<>();
        for (String c : cells.subList(first, cells.size())) {
            out.add(PrintedNumber.isBlank(c) ? null : PrintedNumber.parseCell(c).orElseThrow());
        }
        while (!out.isEmpty() && out.getLast() == null) out.removeLast();
        return Optional.of(out);
    }
}
