package org.nianbao.seeds.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * All Chinese administrative divisions, province → prefecture city → county, with GB/T 2260 codes,
 * read from the generated resource {@code divisions.tsv} (see {@code seeds/tools/gen-gazetteer.sh}).
 * Answers "where is this agency?" from the division names inside its name.
 */
public final class Gazetteer {

    private static final String RESOURCE = "divisions.tsv";
    /** Municipalities: their counties hang under a "市辖区" placeholder, so the municipality is the city. */
    private static final Set<String> MUNICIPALITIES = Set.of("11", "12", "31", "50");

    private final Map<String, Division> byCode;
    private final Map<String, List<Division>> byName;
    private final int longestName;

    private Gazetteer(List<Division> divisions) {
        Map<String, Division> codes = new HashMap<>();
        Map<String, List<Division>> names = new HashMap<>();
        int longest = 0;
        for (Division d : divisions) {
            codes.put(d.code(), d);
            if (d.name() != null) {
                names.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d);
                longest = Math.max(longest, d.name().length());
            }
        }
        this.byCode = Map.copyOf(codes);
        names.replaceAll((k, v) -> List.copyOf(v));
        this.byName = Map.copyOf(names);
        this.longestName = longest;
    }

    /** Loads the bundled division list. */
    public static Gazetteer load() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("gazetteer resource missing: " + RESOURCE);
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gazetteer resource " + RESOURCE, e);
        }
    }

    /** Reads a division list in the resource's TSV format (code, name, level, parent code). */
    public static Gazetteer read(InputStream tsv) throws IOException {
        List<Division> divisions = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(tsv, StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (f.length < 4) throw new IOException("bad gazetteer line: " + line);
            String parent = f[3].isEmpty() ? null : f[3];
            switch (f[2]) {
                case "province" -> divisions.add(new Division(f[0], f[1], Division.Level.PROVINCE, null));
                case "city" -> divisions.add(new Division(f[0], f[1], Division.Level.CITY, parent));
                // 市辖区 / 省直辖县级行政区划: a structural node, never named in an agency.
                case "city-placeholder" -> divisions.add(new Division(f[0], null, Division.Level.CITY, parent));
                case "county" -> divisions.add(new Division(f[0], f[1], Division.Level.COUNTY, parent));
                default -> throw new IOException("bad gazetteer level: " + line);
            }
        }
        return new Gazetteer(divisions);
    }

    /** The division with this code (2, 4 or 6 digits; a 6-digit code of a province or city is accepted too). */
    public Optional<Division> byCode(String code) {
        if (code == null) return Optional.empty();
        String c = code.strip();
        if (c.length() == 6 && c.endsWith("0000")) c = c.substring(0, 2);
        else if (c.length() == 6 && c.endsWith("00")) c = c.substring(0, 4);
        return Optional.ofNullable(byCode.get(c));
    }

    /** Divisions with exactly this full name (county names repeat across provinces). */
    public List<Division> named(String name) {
        return byName.getOrDefault(name, List.of());
    }

    /**
     * Where the agency with this name sits, e.g. 平罗县人民政府办公室 → 宁夏回族自治区 / 石嘴山市 / 平罗县.
     * Division names inside the agency name are read left to right (longest name first); when a
     * county name exists in several provinces, the one whose city or province is also named wins.
     * Empty when no division is named, or when the name stays ambiguous.
     */
    public Optional<Place> place(String agencyName) {
        if (agencyName == null) return Optional.empty();
        String s = agencyName.replaceAll("\\s+", "");
        List<List<Division>> found = new ArrayList<>();
        for (int i = 0; i < s.length(); ) {
            int matched = 0;
            for (int len = Math.min(longestName, s.length() - i); len >= 2; len--) {
                List<Division> ds = byName.get(s.substring(i, i + len));
                if (ds != null) {
                    found.add(ds);
                    matched = len;
                    break;
                }
            }
            i += matched == 0 ? 1 : matched;
        }
        if (found.isEmpty()) return Optional.empty();
        Set<String> namedCodes = new LinkedHashSet<>();
        found.forEach(ds -> ds.forEach(d -> namedCodes.add(d.code())));
        // The most specific named division whose ancestors agree best with the other names.
        List<Division> candidates = found.stream().flatMap(Collection::stream).toList();
        Comparator<Division> bySpecificity = Comparator.comparingInt((Division d) -> d.level().ordinal())
                .thenComparingInt(d -> ancestorsNamed(d, namedCodes));
        Division best = candidates.stream().max(bySpecificity).orElseThrow();
        long ties = candidates.stream().filter(d -> bySpecificity.compare(d, best) == 0).map(Division::code).distinct().count();
        if (ties > 1) return Optional.empty();
        return Optional.of(placeOf(best));
    }

    /**
     * Every division name in a text, in order of appearance (longest name first at each position),
     * e.g. to find which place a report talks about most.
     */
    public List<String> namesIn(String text) {
        List<String> names = new ArrayList<>();
        if (text == null) return names;
        String s = text.replaceAll("\\s+", "");
        for (int i = 0; i < s.length(); ) {
            int matched = 0;
            for (int len = Math.min(longestName, s.length() - i); len >= 2; len--) {
                String candidate = s.substring(i, i + len);
                if (byName.containsKey(candidate)) {
                    names.add(candidate);
                    matched = len;
                    break;
                }
            }
            i += matched == 0 ? 1 : matched;
        }
        return names;
    }

    /** The place of a known division (its chain up to the province). */
    public Place placeOf(Division d) {
        String province = null;
        String city = null;
        String county = null;
        for (Division x = d; x != null; x = x.parentCode() == null ? null : byCode.get(x.parentCode())) {
            switch (x.level()) {
                case PROVINCE -> province = x.name();
                case CITY -> city = x.name();
                case COUNTY -> county = x.name();
            }
        }
        if (city == null && d.level() != Division.Level.PROVINCE && MUNICIPALITIES.contains(d.code().substring(0, 2))) {
            city = province;
        }
        return new Place(province, city, county, d.fullCode(), d.level());
    }

    private int ancestorsNamed(Division d, Set<String> namedCodes) {
        int n = 0;
        for (String p = d.parentCode(); p != null; p = byCode.containsKey(p) ? byCode.get(p).parentCode() : null) {
            if (namedCodes.contains(p)) n++;
        }
        return n;
    }
}
