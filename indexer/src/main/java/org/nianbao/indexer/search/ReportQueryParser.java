package org.nianbao.indexer.search;

import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.flexible.core.QueryNodeException;
import org.apache.lucene.queryparser.flexible.standard.StandardQueryParser;
import org.apache.lucene.queryparser.flexible.standard.config.PointsConfig;
import org.apache.lucene.queryparser.flexible.standard.config.StandardQueryConfigHandler;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.nianbao.indexer.index.Figures;
import org.nianbao.indexer.index.ReportFields;

import java.text.NumberFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query language: words and "phrases" (searched as Chinese substrings), AND / OR / NOT (default AND),
 * parentheses, field filters ({@code agency:吴忠市}, {@code year:2020}, {@code year:[2019 TO 2022]},
 * {@code t3.新收.总计:>=100}, {@code status:changed}). Built on Lucene's StandardQueryParser; the text
 * fields are then rebuilt by {@link TextQueries}. Not thread-safe: one per query.
 */
public final class ReportQueryParser {

    /** {@code field:>=100} → {@code field>=100}, the form Lucene's syntax knows. */
    private static final Pattern COLON_COMPARISON = Pattern.compile("([^\\s:()\"]+):\\s*(>=|<=|>|<)");

    private final TextQueries text;
    private final Set<String> numericFields;

    /**
     * @param reader        the index searched (for the edge-character expansion)
     * @param numericFields every numeric field the index holds (year and figures)
     */
    public ReportQueryParser(IndexReader reader, Set<String> numericFields) {
        this.text = new TextQueries(reader);
        this.numericFields = numericFields;
    }

    /** Parses {@code input}; a blank query matches every report. */
    public Query parse(String input) {
        if (input == null || input.isBlank() || input.strip().equals("*")) return new MatchAllDocsQuery();
        String normalized = COLON_COMPARISON.matcher(input).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2)));
        StandardQueryParser parser = new StandardQueryParser(new KeywordAnalyzer());
        parser.setDefaultOperator(StandardQueryConfigHandler.Operator.AND);
        parser.setAllowLeadingWildcard(false);
        Map<String, PointsConfig> points = new HashMap<>();
        PointsConfig decimal = new PointsConfig(NumberFormat.getNumberInstance(Locale.ROOT), Double.class);
        PointsConfig integer = new PointsConfig(NumberFormat.getIntegerInstance(Locale.ROOT), Long.class);
        for (String f : numericFields) points.put(f, Figures.isDecimal(f) ? decimal : integer);
        parser.setPointsConfigMap(points);
        Query parsed;
        try {
            parsed = parser.parse(normalized, ReportFields.TEXT);
        } catch (QueryNodeException e) {
            String hint = hint(input);
            throw new QueryParseException("cannot parse query '" + input + "': " + (hint != null ? hint : oneLine(e)), e);
        } catch (RuntimeException e) {
            throw new QueryParseException("cannot parse query '" + input + "': " + oneLine(e), e);
        }
        checkFields(parsed);
        return onlyNegative(rebuild(parsed));
    }

    /** Says what is wrong for the usual mistakes, which Lucene reports only as a syntax error. */
    static String hint(String input) {
        if (input.chars().filter(c -> c == '"').count() % 2 != 0) return "a quote (\") is not closed";
        int parens = 0;
        int brackets = 0;
        boolean quoted = false;
        for (char c : input.toCharArray()) {
            if (c == '"') quoted = !quoted;
            if (quoted) continue;
            if (c == '(') parens++;
            if (c == ')') parens--;
            if (c == '[' || c == '{') brackets++;
            if (c == ']' || c == '}') brackets--;
            if (parens < 0) return "a ')' has no matching '('";
        }
        if (parens > 0) return "a '(' is not closed";
        if (brackets != 0) return "a range is not closed; write it like year:[2019 TO 2022]";
        if (input.strip().matches("(?i)(AND|OR|NOT)(\\s.*)?|.*\\s(AND|OR|NOT)")) return "AND / OR / NOT needs a word on each side";
        return null;
    }

    private static String oneLine(Exception e) {
        String m = e.getLocalizedMessage();
        if (m == null) m = e.getClass().getSimpleName();
        return m.replaceAll("\\s+", " ").strip();
    }

    private void checkFields(Query q) {
        Set<String> unknown = new TreeSet<>();
        q.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                if (!known(field)) unknown.add(field);
                return true;
            }
        });
        if (!unknown.isEmpty()) {
            throw new QueryParseException("unknown field '" + unknown.iterator().next() + "'; fields are "
                    + String.join(", ", ReportFields.TEXT_FIELDS) + ", " + ReportFields.YEAR + ", "
                    + String.join(", ", new TreeSet<>(ReportFields.KEYWORD_FIELDS))
                    + " and figures like t3.新收.总计, t2.行政许可.处理决定数量, t4.行政复议.总计");
        }
    }

    private boolean known(String field) {
        return ReportFields.TEXT_FIELDS.contains(field) || ReportFields.KEYWORD_FIELDS.contains(field)
                || numericFields.contains(field);
    }

    /** Rebuilds the text-field terms as Chinese substring queries and lower-cases enumeration values. */
    private Query rebuild(Query q) {
        if (q instanceof TermQuery tq) {
            Term t = tq.getTerm();
            if (ReportFields.TEXT_FIELDS.contains(t.field())) return text.build(t.field(), t.text());
            if (ReportFields.ENUM_FIELDS.contains(t.field())) return new TermQuery(new Term(t.field(), t.text().toLowerCase(Locale.ROOT)));
            return q;
        }
        if (q instanceof BoostQuery bq) return new BoostQuery(rebuild(bq.getQuery()), bq.getBoost());
        if (q instanceof BooleanQuery b) {
            BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
            for (BooleanClause c : b.clauses()) out.add(onlyNegative(rebuild(c.query())), c.occur());
            return out.build();
        }
        return q;
    }

    /** "NOT x" alone means every report except x (Lucene would match nothing). */
    private static Query onlyNegative(Query q) {
        if (q instanceof BooleanQuery b && !b.clauses().isEmpty()
                && b.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT)) {
            BooleanQuery.Builder out = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
            for (BooleanClause c : b.clauses()) out.add(c);
            return out.build();
        }
        return q;
    }
}
