package org.nianbao.indexer.parse;

import org.nianbao.seeds.gazetteer.Division;
import org.nianbao.seeds.gazetteer.Gazetteer;
import org.nianbao.seeds.gazetteer.Place;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Title, agency, year, portal URL and region of a report, read from its text and the gazetteer. */
final class MetadataReader {

    record Metadata(String title, String agency, String agencyKind, String adminLevel, Place place, Integer year,
                    String portalUrl) {
    }

    private static final Pattern TITLE_END = Pattern.compile(".*(政府信息公开|政务公开|信息公开)(工作)?(年度)?报告$");
    private static final Pattern YEAR_IN_TITLE = Pattern.compile("^(.*?)((?:19|20)\\d{2})年度?(.*)$");
    private static final Pattern FIELD_LABEL = Pattern.compile("^(名称|标题|题名|索引号|当前位置|发布机构|来源)[:：].*");
    private static final Pattern SENTENCE_PUNCT = Pattern.compile("[。，；：,;:！？]");
    private static final Pattern URL = Pattern.compile("https?://[A-Za-z0-9._~/?#@!$&*+=%\\-]+");
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})年");
    private static final Pattern PUBLISHER = Pattern.compile("(?:发布机构|来源)[:：]\\s*([\\p{IsHan}]{2,30})");

    private final Gazetteer gazetteer;

    MetadataReader(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    Metadata read(String text, String docTitle, ParseHints hints, List<String> warnings) {
        String[] lines = text == null ? new String[0] : text.split("\\R");
        int titleLine = -1;
        String title = null;
        for (int i = 0; i < lines.length && title == null; i++) {
            String c = Compact.of(lines[i]);
            if (c.isEmpty() || c.length() > 60 || FIELD_LABEL.matcher(c).matches() || !TITLE_END.matcher(c).matches()) continue;
            String candidate = c;
            boolean needsPrefix = !YEAR.matcher(c).find() || Character.isDigit(c.charAt(0)) || c.startsWith("政府信息公开");
            if (needsPrefix) {
                int p = previousNonBlank(lines, i);
                if (p >= 0) {
                    String prev = Compact.of(lines[p]);
                    if (prev.length() <= 30 && !SENTENCE_PUNCT.matcher(prev).find() && !FIELD_LABEL.matcher(prev).matches()) {
                        candidate = prev + c;
                    }
                }
            }
            if (YEAR_IN_TITLE.matcher(candidate).matches()) {
                title = candidate;
                titleLine = i;
            }
        }
        if (title == null) title = titleRestatedInProse(text);
        if (title == null && docTitle != null) {
            String c = Compact.of(docTitle).replaceAll("[_\\-|].*$", "");
            if (YEAR_IN_TITLE.matcher(c).matches()) title = c;
        }
        String unreadableTitleAgency = null;
        if (title == null) {
            unreadableTitleAgency = agencyFromUnreadableTitle(lines, text);
            warnings.add(unreadableTitleAgency == null ? "no report title found"
                    : "title unreadable; agency inferred as " + unreadableTitleAgency + " from the title line and the places the text names");
        }

        Integer year = null;
        String agency = null;
        if (title != null) {
            Matcher m = YEAR_IN_TITLE.matcher(title);
            if (m.matches()) {
                year = Integer.parseInt(m.group(2));
                agency = m.group(1);
                if (agency.isEmpty()) agency = m.group(3).replaceAll("(政府信息公开|政务公开|信息公开).*$", "");
            }
        }
        if (year == null && unreadableTitleAgency != null) year = firstLineYear(lines);
        if (year == null) year = mostFrequentYear(text);
        if (agency == null && unreadableTitleAgency != null) agency = unreadableTitleAgency;
        if (agency == null || agency.isEmpty()) {
            Matcher p = PUBLISHER.matcher(text == null ? "" : text);
            boolean onPage = p.find();
            agency = onPage ? p.group(1) : hints.unitName();
            if (agency != null) warnings.add("agency not in the title; taken from " + (onPage ? "the page's publisher field" : "the seed unit"));
        }
        if (agency != null && !gazetteer.named(agency).isEmpty()) {
            // A title naming only the place ("灵武市2020年…") is that place's government's report.
            agency = agency + "人民政府";
        }
        String kind = agency == null ? null : agencyKind(agency);

        Place place = null;
        Optional<Place> fromText = agency == null ? Optional.empty() : gazetteer.place(agency);
        Optional<Place> fromSeed = seedPlace(hints);
        if (fromSeed.isPresent()) {
            place = fromSeed.get();
            if (fromText.isPresent() && !fromText.get().code().equals(place.code())) {
                warnings.add("seed unit " + hints.unitName() + " is in " + describe(place) + " but the report names "
                        + describe(fromText.get()) + "; kept the seed unit's region");
            }
        } else if (fromText.isPresent()) {
            place = fromText.get();
        } else if (agency != null) {
            warnings.add("region of " + agency + " not found in the gazetteer");
        }
        String level = null;
        if ("township".equals(kind)) level = "township";
        else if (place != null) level = place.level().name().toLowerCase(java.util.Locale.ROOT);

        String portal = portalUrl(lines, Math.max(0, titleLine));
        return new Metadata(title, agency, kind, level, place, year, portal);
    }

    private static final Pattern TITLE_IN_PROSE = Pattern.compile(
            "([\\p{IsHan}]{2,30}?)((?:19|20)\\d{2})年度?(政府信息公开|政务公开)(工作)?年度报告");

    /**
     * The title as the report's first paragraph restates it ("现公布固原市人民政府2020年政府信息公开工作年度报告"),
     * for when the printed title is unreadable (OCR of large title fonts). The agency starts at the first division name.
     */
    private String titleRestatedInProse(String text) {
        if (text == null) return null;
        String head = Compact.of(text.substring(0, Math.min(text.length(), 1500)));
        Matcher m = TITLE_IN_PROSE.matcher(head);
        while (m.find()) {
            String prefix = m.group(1);
            for (int i = 0; i < prefix.length() - 1; i++) {
                String rest = prefix.substring(i);
                if (startsWithDivision(rest)) {
                    return rest + m.group().substring(prefix.length());
                }
            }
        }
        return null;
    }

    private static final List<String> AGENCY_SUFFIXES = List.of("人民政府办公室", "人民政府办公厅", "人民政府");

    /**
     * For a title OCR could not read ("至罗县人民政谋办公室2020怎"): the place the text names most often,
     * if the title line's prefix resembles it, plus the agency suffix the rest of the prefix resembles.
     */
    private String agencyFromUnreadableTitle(String[] lines, String text) {
        String first = null;
        for (int i = 0; i < Math.min(lines.length, 8) && first == null; i++) {
            String c = Compact.of(lines[i]);
            Matcher m = Pattern.compile("^(.*?)((?:19|20)\\d{2})").matcher(c);
            if (m.find() && c.length() <= 40) first = m.group(1);
        }
        if (first == null || first.length() < 2) return null;
        Map<String, Integer> counts = new HashMap<>();
        for (String name : gazetteer.namesIn(text)) {
            Optional<Place> p = gazetteer.place(name);
            if (p.isPresent() && p.get().level() != Division.Level.PROVINCE) counts.merge(name, 1, Integer::sum);
        }
        String best = null;
        double bestScore = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            String name = e.getKey();
            if (e.getValue() < 2 || first.length() < name.length() - 1) continue;
            double sim = similarity(first.substring(0, Math.min(first.length(), name.length())), name);
            double score = sim + e.getValue() / 1000.0;
            if (sim >= 0.6 && score > bestScore) {
                best = name;
                bestScore = score;
            }
        }
        if (best == null) return null;
        String rest = first.length() > best.length() ? first.substring(best.length()) : "";
        for (String suffix : AGENCY_SUFFIXES) {
            if (rest.length() >= suffix.length() - 1 && similarity(rest.substring(0, Math.min(rest.length(), suffix.length())), suffix) >= 0.7) {
                return best + suffix;
            }
        }
        return best + "人民政府";
    }

    /** Share of positions holding the same character (OCR swaps characters in place). */
    private static double similarity(String a, String b) {
        int same = 0;
        for (int i = 0; i < Math.min(a.length(), b.length()); i++) if (a.charAt(i) == b.charAt(i)) same++;
        return (double) same / Math.max(a.length(), b.length());
    }

    private static Integer firstLineYear(String[] lines) {
        for (int i = 0; i < Math.min(lines.length, 8); i++) {
            Matcher m = Pattern.compile("((?:19|20)\\d{2})").matcher(Compact.of(lines[i]));
            if (m.find() && !lines[i].isBlank()) return Integer.parseInt(m.group(1));
        }
        return null;
    }

    private boolean startsWithDivision(String s) {
        for (int len = Math.min(12, s.length()); len >= 2; len--) {
            if (!gazetteer.named(s.substring(0, len)).isEmpty()) return true;
        }
        return false;
    }

    static String agencyKind(String agency) {
        if (agency.matches(".*政府(办公室|办公厅)$") || agency.matches(".*政府办$")) return "general_office";
        if (agency.matches(".*(乡|镇|街道)(人民政府)?$") || agency.matches(".*(乡|镇)人民政府$") || agency.endsWith("街道办事处")) return "township";
        if (agency.endsWith("政府")) return "government";
        return "department";
    }

    private Optional<Place> seedPlace(ParseHints hints) {
        if (hints.divisionCode() != null) {
            Optional<Division> d = gazetteer.byCode(hints.divisionCode());
            if (d.isPresent()) return Optional.of(gazetteer.placeOf(d.get()));
        }
        return hints.unitName() == null ? Optional.empty() : gazetteer.place(hints.unitName());
    }

    private static String describe(Place p) {
        return String.join("/", java.util.stream.Stream.of(p.province(), p.city(), p.county())
                .filter(java.util.Objects::nonNull).distinct().toList());
    }

    /** The portal address printed in the report body: a URL in a sentence, not a stray header/footer line. */
    static String portalUrl(String[] lines, int from) {
        String fallback = null;
        for (int i = from; i < lines.length; i++) {
            Matcher m = URL.matcher(joinWrappedUrl(lines, i));
            while (m.find()) {
                // ".govcn": OCR lost the dot of the one suffix every portal shares.
                String url = m.group().replaceAll("[.,;:]+$", "").replace(".govcn", ".gov.cn");
                String line = Compact.of(lines[i]);
                if (line.equals(Compact.of(url))) continue;
                int p = previousNonBlank(lines, i);
                String context = (p >= 0 ? Compact.of(lines[p]) : "") + line;
                if (context.contains("网站") || context.contains("网址") || context.contains("查阅") || context.contains("门户")
                        || context.contains("网”") || context.endsWith("网")) {
                    return url;
                }
                if (fallback == null) fallback = url;
            }
        }
        return fallback;
    }

    private static final Pattern URL_AT_END = Pattern.compile("https?:/{0,2}[A-Za-z0-9._~/?#@!$&*+=%\\-]*$");
    private static final Pattern URL_CONTINUATION = Pattern.compile("^[A-Za-z0-9._~/?#@!$&*+=%\\-]+");

    /** Line i, with the rest of a URL that a hard line wrap carried to the next line ("http://" / "www.x.gov.cn/"). */
    private static String joinWrappedUrl(String[] lines, int i) {
        String line = Compact.nfkc(lines[i]).stripTrailing();
        Matcher end = URL_AT_END.matcher(line);
        if (!end.find() || i + 1 >= lines.length) return line;
        String url = end.group();
        String host = url.replaceFirst("^https?:/*", "");
        String next = Compact.nfkc(lines[i + 1]).strip();
        Matcher cont = URL_CONTINUATION.matcher(next);
        boolean incomplete = host.isEmpty() || !host.contains(".") || url.endsWith(".") || url.endsWith("-");
        if (cont.find() && (incomplete || next.startsWith(".") || next.startsWith("/"))) return line + cont.group();
        return line;
    }

    private static int previousNonBlank(String[] lines, int i) {
        for (int p = i - 1; p >= 0; p--) if (!lines[p].isBlank()) return p;
        return -1;
    }

    private static Integer mostFrequentYear(String text) {
        if (text == null) return null;
        Map<Integer, Integer> counts = new HashMap<>();
        Matcher m = YEAR.matcher(text.substring(0, Math.min(text.length(), 3000)).replaceAll("\\s+", ""));
        while (m.find()) counts.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }
}
