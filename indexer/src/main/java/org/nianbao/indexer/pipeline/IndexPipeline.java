package org.nianbao.indexer.pipeline;

import org.nianbao.archive.Archive;
import org.nianbao.archive.Capture;
import org.nianbao.archive.CaptureContext;
import org.nianbao.indexer.extract.DocumentExtractor;
import org.nianbao.indexer.extract.ExtractedDocument;
import org.nianbao.indexer.index.Original;
import org.nianbao.indexer.index.ReportIndex;
import org.nianbao.indexer.index.ReportRecord;
import org.nianbao.indexer.parse.ParseHints;
import org.nianbao.indexer.parse.ParsedReport;
import org.nianbao.indexer.parse.ReportParser;
import org.nianbao.seeds.Unit;
import org.nianbao.seeds.registry.SeedRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The indexer's one path: captures from the archive → extraction → report parsing → Lucene.
 * Incremental: it starts after the newest capture id recorded in the index's last commit.
 * A capture that cannot be read is logged and counted; the run goes on with the rest.
 */
public final class IndexPipeline {
    private static final Logger log = LoggerFactory.getLogger(IndexPipeline.class);

    private final Archive archive;
    private final DocumentExtractor extractor;
    private final ReportParser parser;
    private final ReportIndex index;
    /** Seed units by name, so a capture's seed unit hint carries its division code to the parser. */
    private final Map<String, Unit> seedUnits = new HashMap<>();

    /** A pipeline that knows the bundled seed units. */
    public IndexPipeline(Archive archive, DocumentExtractor extractor, ReportParser parser, ReportIndex index) {
        this(archive, extractor, parser, index, SeedRegistry.bundled().units());
    }

    /** A pipeline that looks up the seed unit named in a capture's context among {@code seedUnits}. */
    public IndexPipeline(Archive archive, DocumentExtractor extractor, ReportParser parser, ReportIndex index,
                         List<Unit> seedUnits) {
        this.archive = archive;
        this.extractor = extractor;
        this.parser = parser;
        this.index = index;
        for (Unit u : seedUnits) this.seedUnits.putIfAbsent(u.name(), u);
    }

    /** Hears how far a run has come. */
    public interface Listener {
        void started(int captures);

        void captureDone(Capture capture);
    }

    /** Indexes every capture newer than the index's last commit. */
    public IndexSummary run(Listener progress) throws IOException {
        long after = index.lastIndexedCaptureId().orElse(0L);
        List<Capture> captures = archive.capturesAfter(after);
        log.info("indexing {} captures after capture {}", captures.size(), after);
        progress.started(captures.size());

        Map<String, Long> skipped = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        // Identical bytes (revisits, the same attachment under two URLs) are read once per run.
        Map<String, ReportRecord> bySha256 = new HashMap<>();
        // The report each page indexed in this run became, so its attachments can join it.
        Map<String, ReportRecord> byUrl = new HashMap<>();
        long indexed = 0, failedChecks = 0, last = after;

        for (Capture capture : captures) {
            progress.captureDone(capture);
            last = Math.max(last, capture.id());
            if (capture.status() != 200) {
                skipped.merge("status " + capture.status(), 1L, Long::sum);
                continue;
            }
            ReportRecord known = bySha256.get(capture.sha256());
            if (known != null) {
                index.addOrUpdate(new ReportRecord(known.id(), known.parsed(), known.text(),
                        List.of(original(capture, known.originals().getFirst().format())), known.status()));
                byUrl.put(capture.url(), known);
                indexed++;
                continue;
            }
            ExtractedDocument doc;
            try (InputStream in = archive.openDocument(capture)) {
                doc = extractor.extract(in, capture.contentType(), capture.url());
            } catch (IOException | RuntimeException e) {
                log.warn("capture {} ({}): cannot read its payload: {}", capture.id(), capture.url(), e.toString());
                errors.add(capture.url() + ": " + e.getMessage());
                continue;
            }
            if (doc.error() != null) {
                log.warn("capture {} ({}): {}", capture.id(), capture.url(), doc.error());
                errors.add(capture.url() + ": " + doc.error());
                if (doc.text().isBlank()) continue;
            }
            CaptureContext context = contextOf(capture);
            ParsedReport parsed = parser.parse(doc, hints(context, capture));
            ReportRecord record = new ReportRecord(reportId(parsed, capture), parsed, doc.text(),
                    List.of(original(capture, doc.format())), "current");
            boolean report = isReport(parsed, doc);
            // A document that cannot name itself joins the report of the page that linked it. Of what fails the
            // report test, only a scan does (OCR read no title and no tables): the archivist must find it with its
            // report. Anything else that fails, alone or linked, says nothing of what it is.
            Optional<ReportRecord> page = report || isScan(doc) ? referringReport(context, byUrl) : Optional.empty();
            boolean joins = page.isPresent() && cannotNameItself(doc, capture);
            if (!report && !joins) {
                skipped.merge("not a report (" + doc.format() + ")", 1L, Long::sum);
                continue;
            }
            if (joins) {
                record = joined(page.get(), record);
                if (report) {
                    parsed = record.parsed();
                    log.info("capture {} ({}) names no agency or year of its own: indexed with {}, the report of {}",
                            capture.id(), capture.url(), record.id(), context.referrer());
                } else {
                    log.info("capture {} ({}) is a scan nothing could be read from; kept as an original of {}, the report of {}",
                            capture.id(), capture.url(), record.id(), context.referrer());
                }
                for (Original o : page.get().originals()) byUrl.put(o.url(), record);
            }
            index.addOrUpdate(record);
            bySha256.put(capture.sha256(), record);
            byUrl.put(capture.url(), record);
            indexed++;
            if (report && !parsed.checksHold()) failedChecks++;
        }
        index.commit(last);
        return new IndexSummary(captures.size(), indexed, skipped, failedChecks, errors, last);
    }

    /** The crawler's context of a capture; an unreadable one costs only the hint, never the capture. */
    private CaptureContext contextOf(Capture capture) {
        try {
            return archive.context(capture).orElse(new CaptureContext(null, null));
        } catch (IOException | RuntimeException e) {
            log.warn("capture {} ({}): cannot read its crawl context: {}", capture.id(), capture.url(), e.toString());
            return new CaptureContext(null, null);
        }
    }

    /** The report the page that linked this capture was indexed as: in this run, or in an earlier one. */
    private Optional<ReportRecord> referringReport(CaptureContext context, Map<String, ReportRecord> byUrl) {
        String referrer = context.referrer();
        if (referrer == null) return Optional.empty();
        ReportRecord inThisRun = byUrl.get(referrer);
        if (inThisRun != null) return Optional.of(inThisRun);
        return index.committedReportWithOriginal(referrer);
    }

    /**
     * Whether the document, read on its own (without the seed unit, which would lend it an agency),
     * lacks its agency or year: a scan whose OCR garbled the title, a DOC without one.
     */
    private boolean cannotNameItself(ExtractedDocument doc, Capture capture) {
        ParsedReport own = parser.parse(doc, new ParseHints(null, null, capture.url()));
        return own.agency() == null || own.reportYear() == null;
    }

    /**
     * An attachment joined to the report of the page that linked it: the page's id, metadata and text, both
     * originals; the attachment's tables (and its text) only when the page had no tables of its own.
     */
    static ReportRecord joined(ReportRecord page, ReportRecord attachment) {
        List<Original> originals = new ArrayList<>(page.originals());
        originals.addAll(attachment.originals());
        ParsedReport p = page.parsed();
        if (hasTables(p)) return new ReportRecord(page.id(), p, page.text(), originals, page.status());
        ParsedReport a = attachment.parsed();
        String from = attachment.originals().isEmpty() ? "the attachment" : attachment.originals().getFirst().url();
        List<String> warnings = new ArrayList<>(p.warnings());
        warnings.add("tables read from the attachment " + from);
        for (String w : a.warnings()) warnings.add(from + ": " + w);
        ParsedReport merged = new ParsedReport(p.title(), p.agency(), p.agencyKind(), p.adminLevel(),
                p.regionProvince(), p.regionCity(), p.regionCounty(), p.divisionCode(), p.reportYear(), p.portalUrl(),
                a.template(), a.table2(), a.procurementUnit(), a.table3(), a.table4(), a.checks(), warnings);
        String text = page.text().isBlank() ? attachment.text() : page.text() + "\n\n" + attachment.text();
        return new ReportRecord(page.id(), merged, text, originals, page.status());
    }

    private static boolean hasTables(ParsedReport p) {
        return (p.table3() != null && !p.table3().isEmpty()) || (p.table2() != null && !p.table2().isEmpty())
                || (p.table4() != null && !p.table4().isEmpty());
    }

    /** The seed unit the crawler fetched the capture for: its division code when it is a known unit. */
    private ParseHints hints(CaptureContext context, Capture capture) {
        String name = context.seedUnit();
        if (name == null) return new ParseHints(null, null, capture.url());
        Unit unit = seedUnits.get(name);
        return unit != null ? ParseHints.of(unit, capture.url()) : new ParseHints(name, null, capture.url());
    }

    /**
     * A report has the standard tables, or at least calls itself an annual report and names its
     * agency and year; list pages, news and navigation do not.
     */
    static boolean isReport(ParsedReport parsed, ExtractedDocument doc) {
        if (parsed.table3() != null && !parsed.table3().isEmpty()) return true;
        String title = parsed.title() != null ? parsed.title() : doc.title();
        boolean namesItself = title != null && (title.contains("年度报告") || title.contains("年报"));
        return namesItself && parsed.agency() != null && parsed.reportYear() != null
                && doc.text().length() > 500;
    }

    /** An image-only document: its text, if any, came from OCR (or is still waiting for it). */
    static boolean isScan(ExtractedDocument doc) {
        return doc.method() != null && (doc.method().equals("ocr") || doc.method().equals("needs_ocr"));
    }

    /** agency + year when the report names both; otherwise its URL, so unknown reports never merge. */
    static String reportId(ParsedReport parsed, Capture capture) {
        if (parsed.agency() != null && parsed.reportYear() != null) {
            return ReportRecord.idFor(parsed.agency(), parsed.reportYear());
        }
        return "url:" + capture.url();
    }

    private static Original original(Capture c, String format) {
        return new Original(c.url(), c.time(), c.sha256(), format, c.id(), c.length());
    }
}
