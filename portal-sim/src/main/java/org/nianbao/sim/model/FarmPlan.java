package org.nianbao.sim.model;

import org.nianbao.sim.CmsStyle;
import org.nianbao.sim.FarmConfig;
import org.nianbao.sim.Hostile;
import org.nianbao.sim.corpus.Corpus;
import org.nianbao.sim.corpus.CorpusReport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides, from the config's seed alone, the farm's sites and their week-0 reports. Also yields the
 * reports later weeks add, so the whole history is deterministic.
 */
public final class FarmPlan {
    static final List<String> DEPARTMENTS = List.of("发展和改革委员会", "财政局", "教育局", "民政局", "人力资源和社会保障局",
            "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "农业农村局", "卫生健康委员会", "市场监督管理局",
            "统计局", "应急管理局", "水务局", "审计局");
    private static final String[] NEWS = {"召开全市政务公开工作推进会", "开展安全生产大检查", "部署冬春季森林防火工作",
            "举行重点项目集中开工仪式", "召开优化营商环境工作会议", "开展“政府开放日”活动", "推进乡村振兴重点工作",
            "召开防汛抗旱工作会议", "开展法治政府建设专项督察", "举办政务服务技能培训班"};
    private static final String[] NOTICES = {"关于公开征求意见的公告", "关于调整办公时间的通知", "关于开展政府信息公开专项检查的通知",
            "关于做好节假日值班工作的通知", "关于公布行政权力清单的公告", "关于招聘公益性岗位人员的公告"};
    public static final int FIRST_YEAR = 2008;
    public static final int LAST_YEAR = 2024;

    private final FarmConfig config;
    private final List<Site> sites;
    private final List<Report> initial;
    private final Map<Integer, List<String[]>> pools; // per site: (agency, year) not yet published
    private int nextReportId;
    private int nextAttachmentId;

    private final Corpus corpus;

    public FarmPlan(FarmConfig config, Corpus corpus) {
        this.config = config;
        this.corpus = corpus;
        List<String> corpusStems = corpus.stems();
        List<Region> regions = Region.all();
        if (regions.size() < config.hosts()) throw new IllegalStateException("only " + regions.size() + " regions known");
        Map<Integer, Set<Hostile>> features = placeFeatures(config);
        Random rnd = new Random(config.seed());
        List<Site> s = new ArrayList<>();
        for (int i = 0; i < config.hosts(); i++) {
            Region r = regions.get(i);
            CmsStyle style = config.styles().get(i % config.styles().size());
            s.add(new Site(i, r, style, Set.copyOf(features.getOrDefault(i, Set.of())), 2000 + 37 * i + rnd.nextInt(30),
                    articles(r, i, config.ordinaryPages(), rnd)));
        }
        this.sites = List.copyOf(s);
        this.nextReportId = 2_250_000 + rnd.nextInt(1000);
        this.nextAttachmentId = 1000 + rnd.nextInt(100);
        this.pools = new TreeMap<>();
        List<Report> reports = new ArrayList<>();
        for (Site site : sites) reports.addAll(initialReports(site, corpusStems, rnd));
        this.initial = List.copyOf(reports);
    }

    /** Each enabled feature goes to one host; host 0 stays quiet when there are others; ANTI_BOT takes a host of its own. */
    static Map<Integer, Set<Hostile>> placeFeatures(FarmConfig config) {
        Map<Integer, Set<Hostile>> out = new TreeMap<>();
        int n = config.hosts();
        Set<Hostile> on = config.hostile().isEmpty() ? EnumSet.noneOf(Hostile.class) : EnumSet.copyOf(config.hostile());
        int antiBotHost = -1;
        if (on.remove(Hostile.ANTI_BOT)) {
            antiBotHost = n - 1;
            out.computeIfAbsent(antiBotHost, k -> EnumSet.noneOf(Hostile.class)).add(Hostile.ANTI_BOT);
        }
        List<Integer> candidates = new ArrayList<>();
        for (int i = 1; i < n; i++) if (i != antiBotHost) candidates.add(i);
        if (candidates.isEmpty()) candidates.add(0);
        int k = 0;
        for (Hostile h : on) {
            out.computeIfAbsent(candidates.get(k++ % candidates.size()), x -> EnumSet.noneOf(Hostile.class)).add(h);
        }
        return out;
    }

    private static List<Article> articles(Region r, int site, int count, Random rnd) {
        List<Article> out = new ArrayList<>();
        LocalDate d = LocalDate.of(2024, 12, 20);
        for (int i = 0; i < count; i++) {
            boolean notice = i % 3 == 2;
            String t = notice ? r.governmentName() + NOTICES[(i + site) % NOTICES.length]
                    : r.name() + NEWS[(i + site) % NEWS.length];
            d = d.minusDays(1 + rnd.nextInt(9));
            out.add(new Article(30_000 + site * 100 + i, notice, t, d));
        }
        return List.copyOf(out);
    }

    private List<Report> initialReports(Site site, List<String> stems, Random rnd) {
        Region r = site.region();
        List<String[]> candidates = new ArrayList<>();
        List<String> agencies = new ArrayList<>(List.of(r.governmentName(), r.governmentName() + "办公室"));
        for (String d : DEPARTMENTS) agencies.add(r.name() + d);
        for (String a : agencies) for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) candidates.add(new String[] {a, String.valueOf(y)});
        java.util.Collections.shuffle(candidates, rnd);
        // The government's own recent reports come first, as real columns list them.
        candidates.sort((a, b) -> Integer.compare(weight(a, r), weight(b, r)));
        List<Report> out = new ArrayList<>();
        int target = config.minReports() + rnd.nextInt(config.maxReports() - config.minReports() + 1);
        Set<String> used = new LinkedHashSet<>();
        if (r.corpusStem() != null && stems.contains(r.corpusStem())) {
            String stem = r.corpusStem();
            out.add(corpusReport(site, stem, rnd));
            used.add(key(out.getFirst().agency(), out.getFirst().year()));
            if (config.corpusAttachments()) {
                Report first = out.getFirst();
                out.add(attachmentReport(site, first.agency(), first.year(), first.title() + "（Word版）", stem, false, DocForm.DOCX, rnd));
                out.add(attachmentReport(site, first.agency(), first.year(), first.title() + "（扫描件）", stem, false, DocForm.SCAN_PDF, rnd));
            }
        }
        if (site.has(Hostile.TRUNCATED_PDF)) {
            String[] c = take(candidates, used);
            out.add(attachmentReport(site, c[0], Integer.parseInt(c[1]), null, stems.get(rnd.nextInt(stems.size())), true, DocForm.TRUNCATED_PDF, rnd));
        }
        if (site.has(Hostile.HUGE_REPORT)) {
            String[] c = take(candidates, used);
            out.add(attachmentReport(site, c[0], Integer.parseInt(c[1]), null, null, true, DocForm.HUGE_PDF, rnd));
        }
        if (site.has(Hostile.ROBOTS_DISALLOW)) {
            String[] c = take(candidates, used);
            Report d = variant(site, c[0], Integer.parseInt(c[1]), stems.get(rnd.nextInt(stems.size())), rnd);
            out.add(new Report(d.id(), d.site(), d.agency(), d.year(), d.title(), d.published(), d.stem(), true, true,
                    List.of(), true, 0, -1, 0, -1));
        }
        while (out.size() < target) {
            String[] c = take(candidates, used);
            if (c == null) break;
            out.add(variant(site, c[0], Integer.parseInt(c[1]), stems.get(rnd.nextInt(stems.size())), rnd));
        }
        List<String[]> rest = new ArrayList<>();
        for (String[] c : candidates) if (!used.contains(key(c[0], Integer.parseInt(c[1])))) rest.add(c);
        pools.put(site.index(), rest);
        return out;
    }

    private static int weight(String[] c, Region r) {
        int y = Integer.parseInt(c[1]);
        boolean gov = c[0].startsWith(r.governmentName());
        return (gov ? 0 : 100) + (LAST_YEAR - y);
    }

    private static String[] take(List<String[]> candidates, Set<String> used) {
        for (String[] c : candidates) {
            if (used.add(key(c[0], Integer.parseInt(c[1])))) return c;
        }
        return null;
    }

    private static String key(String agency, int year) {
        return agency + "/" + year;
    }

    private Report corpusReport(Site site, String stem, Random rnd) {
        // The corpus page itself: agency and year as printed, with its PDF and DOC attachments.
        CorpusReport facts = corpus.get(stem);
        List<Attachment> att = config.corpusAttachments()
                ? List.of(new Attachment(nextAttachmentId++, DocForm.PDF, stem, facts.title() + ".pdf"),
                          new Attachment(nextAttachmentId++, DocForm.DOC, stem, facts.title() + ".doc"))
                : List.of();
        return new Report(nextReportId += 7, site.index(), facts.agency(), facts.year(), facts.title(),
                published(facts.year(), rnd), stem, false, true, att, false, 0, -1, 0, -1);
    }

    private Report attachmentReport(Site site, String agency, int year, String titleOverride, String stem,
                                    boolean variant, DocForm form, Random rnd) {
        String t = titleOverride != null ? titleOverride : title(agency, year);
        Attachment a = new Attachment(nextAttachmentId++, form, stem, title(agency, year) + "." + form.ext);
        return new Report(nextReportId += 7, site.index(), agency, year, t, published(year, rnd), stem, variant, false,
                List.of(a), false, 0, -1, 0, -1);
    }

    private Report variant(Site site, String agency, int year, String stem, Random rnd) {
        return new Report(nextReportId += 7, site.index(), agency, year, title(agency, year), published(year, rnd), stem,
                true, true, List.of(), false, 0, -1, 0, -1);
    }

    /** A report a later week adds: the next unpublished (agency, year) of that site, as an inline HTML variant. */
    public Report newReport(int site, int week, List<String> stems, Random rnd) {
        List<String[]> pool = pools.get(site);
        if (pool == null || pool.isEmpty()) return null;
        String[] c = pool.removeFirst();
        Report v = variant(sites.get(site), c[0], Integer.parseInt(c[1]), stems.get(rnd.nextInt(stems.size())), rnd);
        return new Report(v.id(), v.site(), v.agency(), v.year(), v.title(), v.published(), v.stem(), true, true,
                List.of(), false, week, -1, 0, -1);
    }

    static String title(String agency, int year) {
        return agency + year + "年政府信息公开工作年度报告";
    }

    private static LocalDate published(int year, Random rnd) {
        return LocalDate.of(year + 1, 1 + rnd.nextInt(3), 1 + rnd.nextInt(28));
    }

    public List<Site> sites() {
        return sites;
    }

    public List<Report> initialReports() {
        return initial;
    }
}
