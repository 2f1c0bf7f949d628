package org.nianbao.indexer.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Writes reports into the Lucene index under {@code data/index/}: one document per report (agency + year),
 * whatever number of files and captures it was read from. Not thread-safe; one writer per index
 * (Lucene's write lock enforces it across processes).
 *
 * <pre>{@code
 * try (ReportIndex index = ReportIndex.open(dataDir.resolve("index"))) {
 *     index.addOrUpdate(record);          // merges its originals with those already indexed
 *     index.commit(lastCaptureId);        // durable; remembered for the next incremental run
 * }
 * }</pre>
 */
public final class ReportIndex implements AutoCloseable {

    /** Commit user-data key holding the last capture id indexed (for incremental runs). */
    public static final String LAST_CAPTURE_ID = "nianbao.lastCaptureId";

    private static final Logger log = LoggerFactory.getLogger(ReportIndex.class);

    private final Directory directory;
    private final IndexWriter writer;
    private final ReportDocuments documents;
    /** Originals of reports written since the last commit, which the committed reader cannot see yet. */
    private final Map<String, List<Original>> pendingOriginals = new HashMap<>();
    private DirectoryReader committed;
    private long added;

    /**
     * How reports are indexed.
     *
     * @param wordsInBody also segment the full text with SmartChineseAnalyzer (better ranking of multi-word
     *                    queries; indexing becomes several times slower, see the README's scale figures).
     *                    Titles, agencies and regions are always segmented.
     * @param serialMerges merge segments in the indexing thread instead of in the background (benchmarks use
     *                     it so each index pays for its own merges)
     */
    public record Settings(boolean wordsInBody, boolean serialMerges) {
        public static final Settings DEFAULT = new Settings(false, false);
    }

    private ReportIndex(Directory directory, IndexWriter writer, Settings settings) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.documents = new ReportDocuments(ReportFields.facetsConfig(), settings.wordsInBody());
        this.committed = DirectoryReader.open(writer.getDirectory());
    }

    /** Opens (or creates) the index in {@code dir}. */
    public static ReportIndex open(Path dir) {
        return open(dir, false);
    }

    /** Opens the index in {@code dir}; {@code rebuild} starts it empty (the old one is replaced on commit). */
    public static ReportIndex open(Path dir, boolean rebuild) {
        return open(dir, rebuild, Settings.DEFAULT);
    }

    /** Opens the index in {@code dir} with explicit {@link Settings}. */
    public static ReportIndex open(Path dir, boolean rebuild, Settings settings) {
        try {
            Files.createDirectories(dir);
            Directory directory = FSDirectory.open(dir);
            if (!rebuild && hasOlderLayout(directory)) {
                // The index is derived from the archive: started afresh, it records no last capture, so the
                // indexer reads every capture again. A weekly run keeps working across the upgrade.
                log.warn("the index in {} has an older layout (offsets in the text postings); rebuilding it from the archive", dir);
                rebuild = true;
            }
            IndexWriterConfig config = new IndexWriterConfig(ChineseAnalyzers.forIndexing())
                    .setOpenMode(rebuild ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(128);
            if (settings.serialMerges()) config.setMergeScheduler(new SerialMergeScheduler());
            IndexWriter writer = new IndexWriter(directory, config);
            if (rebuild || !DirectoryReader.indexExists(directory)) writer.commit();
            return new ReportIndex(directory, writer, settings);
        } catch (IOException e) {
            throw new IndexException("cannot open the index in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Lucene refuses to mix a field's old and new index options in one index, so an index whose text still has
     * offsets in its postings (the layout before highlighting re-analysed the stored text) must be rebuilt.
     */
    private static boolean hasOlderLayout(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) return false;
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            FieldInfo text = FieldInfos.getMergedFieldInfos(reader).fieldInfo(ReportFields.TEXT);
            return text != null && text.getIndexOptions().compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS) >= 0;
        }
    }

    /**
     * Adds the report, or replaces the one with the same id; the originals already linked to that id
     * are kept (a report read again from its PDF attachment or a later capture stays one hit).
     */
    public void addOrUpdate(ReportRecord record) {
        List<Original> originals = mergedOriginals(record);
        write(new ReportRecord(record.id(), record.parsed(), record.text(), originals, record.status()));
    }

    /** Adds the report, or replaces the one with the same id entirely (its originals included). */
    public void replace(ReportRecord record) {
        write(record);
    }

    /** Removes the report with this id (after the next commit). */
    public void delete(String id) {
        try {
            writer.deleteDocuments(new Term(ReportFields.ID, id));
            pendingOriginals.remove(id);
        } catch (IOException e) {
            throw new IndexException("cannot delete " + id + ": " + e.getMessage(), e);
        }
    }

    private void write(ReportRecord record) {
        try {
            Document doc = documents.build(record);
            writer.updateDocument(new Term(ReportFields.ID, record.id()), doc);
            pendingOriginals.put(record.id(), record.originals());
            added++;
        } catch (IOException | RuntimeException e) {
            throw new IndexException("cannot index report " + record.id() + ": " + e.getMessage(), e);
        }
    }

    private List<Original> mergedOriginals(ReportRecord record) {
        List<Original> known = pendingOriginals.get(record.id());
        if (known == null) known = committedOriginals(record.id());
        if (known.isEmpty()) return record.originals();
        List<Original> merged = new ArrayList<>(known);
        for (Original o : record.originals()) {
            if (merged.stream().noneMatch(k -> ReportDocuments.sameOriginal(k, o))) merged.add(o);
        }
        merged.sort(Comparator.comparing(Original::captureTime, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(Original::captureId));
        return merged;
    }

    private List<Original> committedOriginals(String id) {
        try {
            IndexSearcher searcher = new IndexSearcher(committed);
            TopDocs top = searcher.search(new TermQuery(new Term(ReportFields.ID, id)), 1);
            if (top.scoreDocs.length == 0) return List.of();
            Document d = searcher.storedFields().document(top.scoreDocs[0].doc, java.util.Set.of(ReportFields.RECORD));
            return ReportJson.readRecord(d.getBinaryValue(ReportFields.RECORD).bytes, "").originals();
        } catch (IOException e) {
            throw new IndexException("cannot read report " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * The committed report one of whose originals was published at {@code url}, with its text: how a
     * later run finds the report an attachment's referring page was indexed as.
     */
    public Optional<ReportRecord> committedReportWithOriginal(String url) {
        try {
            IndexSearcher searcher = new IndexSearcher(committed);
            TopDocs top = searcher.search(new TermQuery(new Term(ReportFields.URL, url)), 1);
            if (top.scoreDocs.length == 0) return Optional.empty();
            Document d = searcher.storedFields().document(top.scoreDocs[0].doc,
                    java.util.Set.of(ReportFields.RECORD, ReportFields.TEXT));
            String text = d.get(ReportFields.TEXT);
            return Optional.of(ReportJson.readRecord(d.getBinaryValue(ReportFields.RECORD).bytes, text == null ? "" : text));
        } catch (IOException e) {
            throw new IndexException("cannot look up the report published at " + url + ": " + e.getMessage(), e);
        }
    }

    /** Makes every change durable and visible to new searchers. */
    public void commit() {
        commit(null);
    }

    /** Commits and records {@code lastCaptureId} (when not null) for the next incremental run. */
    public void commit(Long lastCaptureId) {
        try {
            Map<String, String> data = new HashMap<>(userData());
            if (lastCaptureId != null) data.put(LAST_CAPTURE_ID, Long.toString(lastCaptureId));
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
            DirectoryReader fresh = DirectoryReader.openIfChanged(committed);
            if (fresh != null) {
                committed.close();
                committed = fresh;
            }
            pendingOriginals.clear();
            log.debug("index committed: {} documents, {} written this session", writer.getDocStats().numDocs, added);
        } catch (IOException e) {
            throw new IndexException("cannot commit the index: " + e.getMessage(), e);
        }
    }

    /** The last capture id recorded by {@link #commit(Long)}, if any. */
    public OptionalLong lastIndexedCaptureId() {
        String v = userData().get(LAST_CAPTURE_ID);
        return v == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(v));
    }

    private Map<String, String> userData() {
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        Map<String, String> m = new HashMap<>();
        if (live != null) for (Map.Entry<String, String> e : live) m.put(e.getKey(), e.getValue());
        if (m.isEmpty()) m.putAll(userDataOf(committed));
        return m;
    }

    private static Map<String, String> userDataOf(DirectoryReader reader) {
        try {
            return reader.getIndexCommit().getUserData();
        } catch (IOException e) {
            throw new IndexException("cannot read the index commit: " + e.getMessage(), e);
        }
    }

    /** Reports in the index, counting uncommitted changes. */
    public int size() {
        return writer.getDocStats().numDocs;
    }

    /** Merges segments down to {@code maxSegments} (after a bulk build, for faster searching). */
    public void forceMerge(int maxSegments) {
        try {
            writer.forceMerge(maxSegments);
        } catch (IOException e) {
            throw new IndexException("cannot merge the index: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            committed.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new IndexException("cannot close the index: " + e.getMessage(), e);
        }
    }
}
