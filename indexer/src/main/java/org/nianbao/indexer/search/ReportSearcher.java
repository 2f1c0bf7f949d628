package org.nianbao.indexer.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.ConcurrentSortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.nianbao.indexer.index.ChineseAnalyzers;
import org.nianbao.indexer.index.Figures;
import org.nianbao.indexer.index.IndexException;
import org.nianbao.indexer.index.Original;
import org.nianbao.indexer.index.ReportFields;
import org.nianbao.indexer.index.ReportJson;
import org.nianbao.indexer.index.ReportRecord;
import org.nianbao.indexer.parse.ParsedReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Searches the report index: query, facet drill-down with drill-sideways counts, sort, highlighted
 * snippets, a report by id, and a streamed walk over every match (for export). Thread-safe; picks up
 * new commits of the index on each call.
 */
public final class ReportSearcher implements AutoCloseable {

    private static final int MAX_FACET_CHILDREN = 200;
    private static final Set<String> RECORD_ONLY = Set.of(ReportFields.RECORD);
    private static final Set<String> RECORD_AND_TEXT = Set.of(ReportFields.RECORD, ReportFields.TEXT);

    /** Fewest documents worth a slice of their own (a thread per slice costs more than it saves below). */
    static final int MIN_DOCS_PER_SLICE = 25_000;

    private final Directory directory;
    private final SearcherManager manager;
    private final ExecutorService executor;
    private final int threads;
    private final long phraseScoringLimit;
    private final FacetsConfig config = ReportFields.facetsConfig();
    private volatile View view;

    /** What is derived once per index version: facet ordinals and the numeric field names. */
    private record View(IndexReader reader, SortedSetDocValuesReaderState state, Set<String> numericFields, FieldInfos fieldInfos,
                        Map<String, Counted> browses, Map<String, LabelAndValue[]> everyReport, Facets[] countedOnce) {

        /** Every child of the dimension (or path) counted over the whole index, or null when not indexed. */
        LabelAndValue[] allChildren(String dim, String[] path) throws IOException {
            String key = dim + '\u0000' + String.join("\u001f", path);
            synchronized (everyReport) {
                if (everyReport.containsKey(key)) return everyReport.get(key);
                // Counted once per index version (a pass over every report); the Facets is not thread-safe.
                if (countedOnce[0] == null) countedOnce[0] = new SortedSetDocValuesFacetCounts(state);
                Facets all = countedOnce[0];
                FacetResult r = childrenOrNull(() -> all.getAllChildren(dim, path));
                LabelAndValue[] values = r == null ? null : r.labelValues;
                everyReport.put(key, values);
                return values;
            }
        }
    }

    /** Browses remembered per index version: a sidebar is clicked through the same few combinations. */
    private static final int BROWSES_CACHED = 512;

    /** Forgets the remembered browses, so the next one is counted afresh (the benchmark's first-click figure). */
    public void forgetBrowses() {
        View v = view;
        if (v != null) v.browses().clear();
    }

    private ReportSearcher(Directory directory, int threads, int minDocsPerSlice, long phraseScoringLimit) throws IOException {
        this.directory = directory;
        this.threads = threads;
        this.phraseScoringLimit = phraseScoringLimit;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "nianbao-search-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.manager = new SearcherManager(directory, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                return new SlicedSearcher(reader, executor, threads, minDocsPerSlice);
            }
        });
    }

    /**
     * Searches with one slice of the index per thread (whole segments or parts of one), so a query that
     * matches most of a big index is counted on every core rather than one.
     */
    private static final class SlicedSearcher extends IndexSearcher {
        private final int threads;
        private final int minDocsPerSlice;

        SlicedSearcher(IndexReader reader, ExecutorService executor, int threads, int minDocsPerSlice) {
            super(reader, executor);
            this.threads = threads;
            this.minDocsPerSlice = minDocsPerSlice;
        }

        @Override
        protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
            long docs = leaves.stream().mapToLong(l -> l.reader().maxDoc()).sum();
            int perSlice = (int) Math.max(minDocsPerSlice, (docs + threads - 1) / threads);
            return slices(leaves, perSlice, Integer.MAX_VALUE, true);
        }
    }

    /** Opens the index in {@code dir} for searching (it must exist: index something first), using every core. */
    public static ReportSearcher open(Path dir) {
        return open(dir, Runtime.getRuntime().availableProcessors(), MIN_DOCS_PER_SLICE, RankingQuery.PHRASE_SCORING_LIMIT);
    }

    /**
     * As {@link #open(Path)}, with {@code threads} search threads, slices of at least {@code minDocsPerSlice}
     * and searches of more than {@code phraseScoringLimit} matches ranked by bigram frequencies.
     */
    static ReportSearcher open(Path dir, int threads, int minDocsPerSlice, long phraseScoringLimit) {
        try {
            if (!Files.isDirectory(dir)) throw new IndexException("no index in " + dir + " (run `nianbao index` first)", null);
            Directory directory = FSDirectory.open(dir);
            if (!DirectoryReader.indexExists(directory)) {
                directory.close();
                throw new IndexException("no index in " + dir + " (run `nianbao index` first)", null);
            }
            return new ReportSearcher(directory, Math.max(1, threads), Math.max(1, minDocsPerSlice), phraseScoringLimit);
        } catch (IOException e) {
            throw new IndexException("cannot open the index in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs one search. Throws {@link QueryParseException} for a malformed query, facet or sort.
     *
     * <p>Two passes over the matches, each spread over the cores: one without scores counts every match and
     * its facet values (a phrase stops at its first occurrence in a report), one with scores or the sort finds
     * the page (and skips what cannot compete). Scoring every match to rank a page is what made a common
     * phrase slow: its frequency had to be computed in every report. Each dimension drilled into is counted
     * sideways (the matches of every other drill-down), as Lucene's DrillSideways would.
     */
    public SearchResult search(SearchRequest request) {
        IndexSearcher searcher = acquire();
        try {
            View v = viewFor(searcher);
            Query base = new ReportQueryParser(searcher.getIndexReader(), v.numericFields()).parse(request.query());
            Map<String, List<String[]>> drills = drillPaths(request.facets());
            Sort sort = sortFor(request.sort(), v.numericFields());
            if (v.state() == null) return new SearchResult(0, List.of(), Map.of());

            Query query = drillDown(base, drills);
            // A browse (no query words, only facets) is answered from the view's cache when it was asked before.
            String browseKey = base instanceof MatchAllDocsQuery ? browseKey(drills) : null;
            Counted counted = browseKey == null ? null : v.browses().get(browseKey);
            FacetsCollector matches = null;
            if (counted == null) {
                boolean phrases = hasPhrase(base);
                matches = count(searcher, query, phrases);
                long total = matches.getMatchingDocs().stream().mapToLong(m -> m.totalHits()).sum();
                Map<String, Children> byDim = new LinkedHashMap<>();
                Children drilledDown = facets(searcher, v, matches);
                for (String dim : drills.keySet()) {
                    Map<String, List<String[]>> others = new LinkedHashMap<>(drills);
                    others.remove(dim);
                    byDim.put(dim, facets(searcher, v, count(searcher, drillDown(base, others), phrases)));
                }
                counted = new Counted(total, facetCounts(dim -> byDim.getOrDefault(dim, drilledDown), drills));
                if (browseKey != null) v.browses().put(browseKey, counted);
            }
            int topN = request.offset() + request.limit();
            ScoreDoc[] page = new ScoreDoc[0];
            if (request.limit() > 0 && request.offset() < counted.total()) {
                // Ranks only what the count found: a phrase is not re-checked in reports that hold its bigrams apart.
                // Many matches are ranked by the bigrams' frequencies (see RankingQuery).
                Query ranked = matches == null ? query : new BooleanQuery.Builder()
                        .add(counted.total() > phraseScoringLimit ? RankingQuery.of(base) : query, BooleanClause.Occur.MUST)
                        .add(new MatchedDocsQuery(matches.getMatchingDocs()), BooleanClause.Occur.FILTER).build();
                TopDocs top = sort == null
                        ? searcher.search(ranked, new TopScoreDocCollectorManager(topN, null, topN))
                        : searcher.search(ranked, new TopFieldCollectorManager(sort, topN, null, topN));
                if (request.offset() < top.scoreDocs.length) {
                    page = Arrays.copyOfRange(top.scoreDocs, request.offset(), Math.min(top.scoreDocs.length, topN));
                }
            }
            List<ReportHit> hits = hits(searcher, v, base, page);
            return new SearchResult(counted.total(), hits, counted.facets());
        } catch (IOException e) {
            throw new IndexException("search failed: " + e.getMessage(), e);
        } finally {
            release(searcher);
        }
    }

    /** The total and facet counts of one search. */
    private record Counted(long total, Map<String, Map<String, Long>> facets) {
        Counted {
            // Shared by every search the cache answers: read-only, in the order built.
            Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
            facets.forEach((dim, counts) -> copy.put(dim, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts))));
            facets = java.util.Collections.unmodifiableMap(copy);
        }
    }

    /** The drill-down of a browse, in a canonical order (dimensions sorted, values in the order asked). */
    private static String browseKey(Map<String, List<String[]>> drills) {
        StringBuilder key = new StringBuilder();
        new java.util.TreeMap<>(drills).forEach((dim, paths) -> {
            key.append(dim).append('\u0000');
            for (String[] p : paths) key.append(String.join("\u001f", p)).append('\u0000');
            key.append('\u0001');
        });
        return key.toString();
    }

    /** Every match of {@code query}, without scores (see {@link EveryDocQuery} for why it is a conjunction). */
    private static FacetsCollector count(IndexSearcher searcher, Query query, boolean phrases) throws IOException {
        // Only phrases need it: a disjunction of plain terms is counted fastest a window at a time.
        Query counted = !phrases ? query : new BooleanQuery.Builder().add(query, BooleanClause.Occur.FILTER)
                .add(new EveryDocQuery(), BooleanClause.Occur.FILTER).build();
        return searcher.search(counted, new FacetsCollectorManager());
    }

    /** Whether the query (not a DrillDownQuery: it hides its clauses from visitors) holds a phrase. */
    private static boolean hasPhrase(Query query) {
        boolean[] found = {false};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... terms) {
                if (q instanceof PhraseQuery || q instanceof MultiPhraseQuery) found[0] = true;
            }

            @Override
            public void consumeTermsMatching(Query q, String field, java.util.function.Supplier<org.apache.lucene.util.automaton.ByteRunAutomaton> automaton) {
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return found[0];
    }

    /** The counted children of a facet dimension (or of a path in it), top first, or null when it is not indexed. */
    private interface Children {
        LabelAndValue[] top(String dim, String[] path) throws IOException;
    }

    /**
     * Facet counts of {@code matches}. Over half the index, the reports that do not match are counted instead
     * and taken from the whole index's counts (counted once per index version): a word in every report then
     * costs almost nothing to count, and the counts stay exact.
     */
    private Children facets(IndexSearcher searcher, View v, FacetsCollector matches) throws IOException {
        long total = matches.getMatchingDocs().stream().mapToLong(m -> m.totalHits()).sum();
        int live = searcher.getIndexReader().numDocs();
        if (total > live / 2) {
            Facets rest = new SortedSetDocValuesFacetCounts(v.state(), new Fixed(complement(searcher, matches)));
            return (dim, path) -> {
                LabelAndValue[] all = v.allChildren(dim, path);
                if (all == null) return null;
                FacetResult minus = childrenOrNull(() -> rest.getAllChildren(dim, path));
                Map<String, Long> subtract = new java.util.HashMap<>();
                if (minus != null) for (LabelAndValue lv : minus.labelValues) subtract.put(lv.label, lv.value.longValue());
                List<LabelAndValue> left = new ArrayList<>();
                for (LabelAndValue lv : all) {
                    long n = lv.value.longValue() - subtract.getOrDefault(lv.label, 0L);
                    if (n > 0) left.add(new LabelAndValue(lv.label, n));
                }
                // Lucene's order: count, then label (ordinal order, which is the labels' code-point order).
                left.sort(Comparator.comparingLong((LabelAndValue lv) -> -lv.value.longValue()).thenComparing(lv -> lv.label, CODE_POINTS));
                return left.subList(0, Math.min(left.size(), MAX_FACET_CHILDREN)).toArray(LabelAndValue[]::new);
            };
        }
        Facets facets;
        if (threads == 1 || matches.getMatchingDocs().size() == 1) {
            facets = new SortedSetDocValuesFacetCounts(v.state(), matches);
        } else {
            try {
                facets = new ConcurrentSortedSetDocValuesFacetCounts(v.state(), matches, executor);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IndexException("search interrupted", e);
            }
        }
        return (dim, path) -> {
            FacetResult fr = childrenOrNull(() -> facets.getTopChildren(MAX_FACET_CHILDREN, dim, path));
            return fr == null ? null : fr.labelValues;
        };
    }

    private static final Comparator<String> CODE_POINTS = (a, b) -> Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());

    private interface FacetCall {
        FacetResult get() throws IOException;
    }

    /** The facet result, or null when the dimension (or path) was never indexed. */
    private static FacetResult childrenOrNull(FacetCall call) throws IOException {
        try {
            return call.get();
        } catch (IllegalArgumentException notIndexed) {
            return null;
        }
    }

    /** Matching documents handed to Lucene's facet counting as if collected. */
    private static final class Fixed extends FacetsCollector {
        private final List<MatchingDocs> docs;

        Fixed(List<MatchingDocs> docs) {
            this.docs = docs;
        }

        @Override
        public List<MatchingDocs> getMatchingDocs() {
            return docs;
        }
    }

    /** The live documents that {@code matches} does not hold, segment by segment. */
    private static List<FacetsCollector.MatchingDocs> complement(IndexSearcher searcher, FacetsCollector matches) throws IOException {
        MatchedDocsQuery matched = new MatchedDocsQuery(matches.getMatchingDocs());
        List<FacetsCollector.MatchingDocs> out = new ArrayList<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            int maxDoc = leaf.reader().maxDoc();
            FixedBitSet rest = new FixedBitSet(maxDoc);
            rest.set(0, maxDoc);
            FixedBitSet hit = matched.bits(leaf.ord);
            if (hit != null) rest.andNot(hit);
            Bits live = leaf.reader().getLiveDocs();
            if (live != null) {
                for (int doc = rest.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS; doc = doc + 1 >= maxDoc ? DocIdSetIterator.NO_MORE_DOCS : rest.nextSetBit(doc + 1)) {
                    if (!live.get(doc)) rest.clear(doc);
                }
            }
            int n = rest.cardinality();
            if (n > 0) out.add(new FacetsCollector.MatchingDocs(leaf, new BitDocIdSet(rest, n), n, null));
        }
        return out;
    }

    /** Number of reports matching the query and drill-down. */
    public long count(SearchRequest request) {
        return search(request.withLimit(0).withOffset(0)).total();
    }

    /** One report by id, with its full text. */
    public Optional<ReportRecord> report(String id) {
        IndexSearcher searcher = acquire();
        try {
            TopDocs top = searcher.search(new TermQuery(new Term(ReportFields.ID, id)), 1);
            if (top.scoreDocs.length == 0) return Optional.empty();
            Document d = searcher.storedFields().document(top.scoreDocs[0].doc, RECORD_AND_TEXT);
            return Optional.of(record(d, d.get(ReportFields.TEXT)));
        } catch (IOException e) {
            throw new IndexException("cannot read report " + id + ": " + e.getMessage(), e);
        } finally {
            release(searcher);
        }
    }

    /**
     * Hands every report matching the query and drill-down to {@code sink}, in index order, without a
     * result window (records come without their text). Returns how many were handed over.
     */
    public long forEachMatch(SearchRequest request, Consumer<ReportRecord> sink) {
        return forEachMatchingDoc(request, leaf -> {
            StoredFields stored = leaf.reader().storedFields();
            return doc -> sink.accept(record(stored.document(doc, RECORD_ONLY), ""));
        });
    }

    /** Hands the id of every report matching the query and drill-down to {@code sink} (cheap: read from doc values). */
    public long forEachMatchingId(SearchRequest request, Consumer<String> sink) {
        return forEachMatchingDoc(request, leaf -> {
            SortedDocValues ids = DocValues.getSorted(leaf.reader(), ReportFields.ID);
            return doc -> {
                if (ids.advanceExact(doc)) sink.accept(ids.lookupOrd(ids.ordValue()).utf8ToString());
            };
        });
    }

    /** Reads one matching document of a segment. */
    private interface DocReader {
        void read(int doc) throws IOException;
    }

    /** Opens a {@link DocReader} for one segment. */
    private interface SegmentReader {
        DocReader open(LeafReaderContext leaf) throws IOException;
    }

    /** Walks every live document matching the request, segment by segment, with no scoring and no window. */
    private long forEachMatchingDoc(SearchRequest request, SegmentReader reader) {
        IndexSearcher searcher = acquire();
        try {
            View v = viewFor(searcher);
            Query base = new ReportQueryParser(searcher.getIndexReader(), v.numericFields()).parse(request.query());
            Query q = searcher.rewrite(drillDown(base, drillPaths(request.facets())));
            Weight w = searcher.createWeight(q, ScoreMode.COMPLETE_NO_SCORES, 1f);
            long n = 0;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Scorer s = w.scorer(leaf);
                if (s == null) continue;
                Bits live = leaf.reader().getLiveDocs();
                DocReader read = reader.open(leaf);
                DocIdSetIterator it = s.iterator();
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    if (live != null && !live.get(doc)) continue;
                    read.read(doc);
                    n++;
                }
            }
            return n;
        } catch (IOException e) {
            throw new IndexException("cannot read the index: " + e.getMessage(), e);
        } finally {
            release(searcher);
        }
    }

    /**
     * Sums {@code figures} over every report matching the request, per value of {@code groupBy} (one of
     * {@link ReportFields#GROUP_FIELDS}, or null for one group "all"). Groups come sorted by their value.
     */
    public List<FigureTotals> totals(SearchRequest request, List<String> figures, String groupBy) {
        if (groupBy != null && !ReportFields.GROUP_FIELDS.contains(groupBy)) {
            throw new QueryParseException("cannot group by '" + groupBy + "'; use one of " + String.join(", ", ReportFields.GROUP_FIELDS));
        }
        IndexSearcher searcher = acquire();
        try {
            View v = viewFor(searcher);
            for (String f : figures) {
                if (!v.numericFields().contains(f)) throw new QueryParseException("unknown figure '" + f + "' (e.g. t3.新收.总计)");
            }
            Query base = new ReportQueryParser(searcher.getIndexReader(), v.numericFields()).parse(request.query());
            Query q = searcher.rewrite(drillDown(base, drillPaths(request.facets())));
            Weight w = searcher.createWeight(q, ScoreMode.COMPLETE_NO_SCORES, 1f);
            Map<String, double[]> sums = new java.util.TreeMap<>();
            Map<String, long[]> counted = new java.util.TreeMap<>();
            Map<String, long[]> reports = new java.util.TreeMap<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Scorer s = w.scorer(leaf);
                if (s == null) continue;
                Bits live = leaf.reader().getLiveDocs();
                NumericDocValues[] values = new NumericDocValues[figures.size()];
                for (int i = 0; i < values.length; i++) values[i] = DocValues.getNumeric(leaf.reader(), figures.get(i));
                NumericDocValues yearGroup = ReportFields.YEAR.equals(groupBy) ? DocValues.getNumeric(leaf.reader(), ReportFields.YEAR) : null;
                SortedDocValues keywordGroup = groupBy != null && yearGroup == null ? DocValues.getSorted(leaf.reader(), groupBy) : null;
                DocIdSetIterator it = s.iterator();
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    if (live != null && !live.get(doc)) continue;
                    String group = "all";
                    if (yearGroup != null) group = yearGroup.advanceExact(doc) ? Long.toString(yearGroup.longValue()) : "";
                    if (keywordGroup != null) group = keywordGroup.advanceExact(doc) ? keywordGroup.lookupOrd(keywordGroup.ordValue()).utf8ToString() : "";
                    reports.computeIfAbsent(group, k -> new long[1])[0]++;
                    double[] sum = sums.computeIfAbsent(group, k -> new double[figures.size()]);
                    long[] n = counted.computeIfAbsent(group, k -> new long[figures.size()]);
                    for (int i = 0; i < values.length; i++) {
                        if (values[i].advanceExact(doc)) {
                            long raw = values[i].longValue();
                            sum[i] += Figures.isDecimal(figures.get(i)) ? Double.longBitsToDouble(raw) : raw;
                            n[i]++;
                        }
                    }
                }
            }
            List<FigureTotals> out = new ArrayList<>();
            for (String g : reports.keySet()) {
                Map<String, Double> sm = new LinkedHashMap<>();
                Map<String, Long> cm = new LinkedHashMap<>();
                for (int i = 0; i < figures.size(); i++) {
                    sm.put(figures.get(i), sums.get(g)[i]);
                    cm.put(figures.get(i), counted.get(g)[i]);
                }
                out.add(new FigureTotals(g, reports.get(g)[0], sm, cm));
            }
            return out;
        } catch (IOException e) {
            throw new IndexException("cannot read the index: " + e.getMessage(), e);
        } finally {
            release(searcher);
        }
    }

    /** The numeric fields (year and every table figure) present in the index, sorted. */
    public Set<String> numericFields() {
        IndexSearcher searcher = acquire();
        try {
            return new TreeSet<>(viewFor(searcher).numericFields());
        } finally {
            release(searcher);
        }
    }

    private DrillDownQuery drillDown(Query base, Map<String, List<String[]>> drills) {
        DrillDownQuery ddq = new DrillDownQuery(config, base);
        drills.forEach((dim, paths) -> paths.forEach(p -> ddq.add(dim, p)));
        return ddq;
    }

    private static Map<String, List<String[]>> drillPaths(Map<String, List<String>> facets) {
        Map<String, List<String[]>> out = new LinkedHashMap<>();
        facets.forEach((dim, values) -> {
            if (!ReportFields.FACETS.contains(dim)) {
                throw new QueryParseException("unknown facet '" + dim + "'; facets are " + String.join(", ", ReportFields.FACETS));
            }
            List<String[]> paths = new ArrayList<>();
            for (String v : values) {
                if (v == null || v.isBlank()) throw new QueryParseException("facet " + dim + " needs a value (" + dim + "=VALUE)");
                String value = dim.equals("region") || dim.equals("year") ? v.strip() : v.strip().toLowerCase(Locale.ROOT);
                paths.add(dim.equals("region") ? Arrays.stream(value.split("/")).map(String::strip).filter(s -> !s.isEmpty()).toArray(String[]::new)
                        : new String[] {value});
            }
            out.put(dim, paths);
        });
        return out;
    }

    private static Sort sortFor(String spec, Set<String> numericFields) {
        if (spec == null || spec.isBlank() || spec.strip().equalsIgnoreCase("relevance")) return null;
        String s = spec.strip();
        boolean reverse = true;
        if (s.endsWith(":asc")) {
            reverse = false;
            s = s.substring(0, s.length() - 4);
        } else if (s.endsWith(":desc")) {
            s = s.substring(0, s.length() - 5);
        }
        if (!numericFields.contains(s)) {
            throw new QueryParseException("cannot sort by '" + spec + "': use relevance, year or a figure such as t3.新收.总计 (add :asc for ascending)");
        }
        SortField.Type type = Figures.isDecimal(s) ? SortField.Type.DOUBLE : SortField.Type.LONG;
        SortField f = new SortField(s, type, reverse);
        // Reports that did not print the figure go last either way.
        if (type == SortField.Type.DOUBLE) f.setMissingValue(reverse ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        else f.setMissingValue(reverse ? Long.MIN_VALUE : Long.MAX_VALUE);
        return new Sort(f, new SortField(ReportFields.ID, SortField.Type.STRING));
    }

    private Map<String, Map<String, Long>> facetCounts(Function<String, Children> childrenOf, Map<String, List<String[]>> drills) throws IOException {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (String dim : ReportFields.FACETS) {
            String[] path = new String[0];
            if (dim.equals("region") && drills.containsKey("region") && drills.get("region").size() == 1) {
                path = drills.get("region").get(0);
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            LabelAndValue[] top = childrenOf.apply(dim).top(dim, path);
            if (top != null) {
                String prefix = path.length == 0 ? "" : String.join("/", path) + "/";
                LabelAndValue[] values = top.clone();
                // Years read best in order, newest first; other dimensions by count.
                if (dim.equals(ReportFields.YEAR)) Arrays.sort(values, (a, b) -> b.label.compareTo(a.label));
                for (LabelAndValue lv : values) counts.put(prefix + lv.label, lv.value.longValue());
            }
            out.put(dim, counts);
        }
        return out;
    }

    /**
     * The page's hits with their snippets. Highlighting a common word walks every occurrence in each report,
     * which costs more than the search itself; the page is split among the search threads.
     */
    private List<ReportHit> hits(IndexSearcher searcher, View v, Query query, ScoreDoc[] page) throws IOException {
        if (page.length == 0) return List.of();
        int chunks = Math.min(threads, page.length);
        List<Callable<List<ReportHit>>> tasks = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            ScoreDoc[] part = Arrays.copyOfRange(page, c * page.length / chunks, (c + 1) * page.length / chunks);
            tasks.add(() -> highlighted(searcher, v, query, part));
        }
        List<ReportHit> hits = new ArrayList<>(page.length);
        for (List<ReportHit> part : searcher.getTaskExecutor().invokeAll(tasks)) hits.addAll(part);
        return hits;
    }

    private static List<ReportHit> highlighted(IndexSearcher searcher, View v, Query query, ScoreDoc[] page) throws IOException {
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, ChineseAnalyzers.bigrams())
                .withFormatter(new SnippetFormatter())
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(new ChineseSentences(), 80, 0.5f))
                .withMaxNoHighlightPassages(1)
                .withHandleMultiTermQuery(true);
        UnifiedHighlighter highlighter = new UnifiedHighlighter(builder) {
            {
                // The view merged the field infos once; the highlighter would merge them again (hundreds of
                // figure fields times every segment) each time it is built.
                fieldInfos = v.fieldInfos();
            }
        };
        TopDocs pageDocs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
        String[] snippets = highlighter.highlight(ReportFields.TEXT, query, pageDocs, 3);
        StoredFields stored = searcher.storedFields();
        List<ReportHit> hits = new ArrayList<>();
        for (int i = 0; i < page.length; i++) {
            ReportRecord r = record(stored.document(page[i].doc, RECORD_ONLY), "");
            List<String> frags = snippets[i] == null ? List.of()
                    : Arrays.stream(snippets[i].split(String.valueOf(SnippetFormatter.SEPARATOR))).map(String::strip).filter(s -> !s.isEmpty()).toList();
            hits.add(toHit(r, frags, page[i].score));
        }
        return hits;
    }

    static ReportHit toHit(ReportRecord r, List<String> snippets, float score) {
        ParsedReport p = r.parsed();
        Map<String, Number> all = Figures.of(p);
        Map<String, Number> main = new LinkedHashMap<>();
        for (String f : Figures.MAIN) if (all.containsKey(f)) main.put(f, all.get(f));
        List<String> region = new ArrayList<>();
        for (String s : new String[] {p.regionProvince(), p.regionCity(), p.regionCounty()}) if (s != null && !s.isBlank()) region.add(s);
        TreeSet<String> formats = new TreeSet<>();
        for (Original o : r.originals()) if (o.format() != null) formats.add(o.format().toLowerCase(Locale.ROOT));
        List<String> failed = p.checks() == null ? List.of()
                : p.checks().stream().filter(c -> !c.holds()).map(ParsedReport.Check::name).toList();
        return new ReportHit(r.id(), p.title(), p.agency(), String.join("/", region), p.regionProvince(), p.regionCity(),
                p.regionCounty(), p.reportYear(), p.adminLevel(), p.agencyKind(), p.template(), r.status(),
                List.copyOf(formats), snippets, main, failed.isEmpty(), failed, r.originals(), Float.isNaN(score) ? 0f : score);
    }

    private static ReportRecord record(Document d, String text) {
        return ReportJson.readRecord(d.getBinaryValue(ReportFields.RECORD).bytes, text == null ? "" : text);
    }

    private IndexSearcher acquire() {
        try {
            manager.maybeRefresh();
            return manager.acquire();
        } catch (IOException e) {
            throw new IndexException("cannot read the index: " + e.getMessage(), e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            manager.release(searcher);
        } catch (IOException e) {
            throw new IndexException("cannot release the index searcher: " + e.getMessage(), e);
        }
    }

    private View viewFor(IndexSearcher searcher) {
        View v = view;
        IndexReader reader = searcher.getIndexReader();
        if (v != null && v.reader() == reader) return v;
        synchronized (this) {
            v = view;
            if (v != null && v.reader() == reader) return v;
            v = buildView(reader);
            view = v;
            return v;
        }
    }

    private View buildView(IndexReader reader) {
        Set<String> numeric = new HashSet<>(Figures.standardNames());
        numeric.add(ReportFields.YEAR);
        FieldInfos fieldInfos = FieldInfos.getMergedFieldInfos(reader);
        for (FieldInfo fi : fieldInfos) {
            if (fi.getPointDimensionCount() > 0) numeric.add(fi.name);
        }
        SortedSetDocValuesReaderState state = null;
        if (reader.numDocs() > 0) {
            try {
                state = new DefaultSortedSetDocValuesReaderState(reader, config);
            } catch (IOException e) {
                throw new IndexException("cannot read facets: " + e.getMessage(), e);
            }
        }
        Map<String, Counted> browses = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Counted> eldest) {
                return size() > BROWSES_CACHED;
            }
        });
        return new View(reader, state, Set.copyOf(numeric), fieldInfos, browses, new java.util.HashMap<>(), new Facets[1]);
    }

    @Override
    public void close() {
        try {
            manager.close();
            executor.shutdown();
            directory.close();
        } catch (IOException e) {
            throw new IndexException("cannot close the index: " + e.getMessage(), e);
        }
    }
}
