package org.nianbao.seeds.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nianbao.seeds.Unit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The portals we know, read from per-province JSON seed files (seeds/data/*.json, also bundled on
 * the classpath). Reading is lenient: a bad entry becomes a {@link SeedProblem}, never an exception,
 * so one typo does not hide the other 27 units.
 */
public final class SeedRegistry {

    /** Classpath folder that holds the bundled seed files and their INDEX. */
    static final String BUNDLED = "/org/nianbao/seeds/data/";
    private static final Pattern DIVISION_CODE = Pattern.compile("\\d{6}");
    private static final Pattern HOST_PATTERN = Pattern.compile("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<SeedEntry> entries;
    private final List<SeedProblem> readProblems;

    private SeedRegistry(List<SeedEntry> entries, List<SeedProblem> readProblems) {
        this.entries = List.copyOf(entries);
        this.readProblems = List.copyOf(readProblems);
    }

    /** The seed files bundled with nianbao (every file named in the bundled INDEX). */
    public static SeedRegistry bundled() {
        List<SeedEntry> entries = new ArrayList<>();
        List<SeedProblem> problems = new ArrayList<>();
        for (String file : bundledFileNames()) {
            try (InputStream in = SeedRegistry.class.getResourceAsStream(BUNDLED + file)) {
                if (in == null) throw new SeedFileException("bundled seed file missing: " + file, null);
                read(file, in.readAllBytes(), entries, problems);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new SeedRegistry(entries, problems);
    }

    static List<String> bundledFileNames() {
        try (InputStream in = SeedRegistry.class.getResourceAsStream(BUNDLED + "INDEX")) {
            if (in == null) return List.of();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Seed files from disk: one JSON file, or every *.json file in a folder. */
    public static SeedRegistry load(Path fileOrDir) {
        List<Path> files;
        if (Files.isDirectory(fileOrDir)) {
            try (Stream<Path> s = Files.list(fileOrDir)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            } catch (IOException e) {
                throw new SeedFileException("cannot list seed folder " + fileOrDir + ": " + e.getMessage(), e);
            }
        } else {
            files = List.of(fileOrDir);
        }
        List<SeedEntry> entries = new ArrayList<>();
        List<SeedProblem> problems = new ArrayList<>();
        for (Path f : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
            } catch (IOException e) {
                throw new SeedFileException("cannot read seed file " + f + ": " + e.getMessage(), e);
            }
            read(f.getFileName().toString(), bytes, entries, problems);
        }
        return new SeedRegistry(entries, problems);
    }

    private static void read(String file, byte[] bytes, List<SeedEntry> entries, List<SeedProblem> problems) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SeedFileException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode units = root == null ? null : root.get("units");
        if (units == null || !units.isArray()) {
            throw new SeedFileException(file + " has no \"units\" array", null);
        }
        for (int i = 0; i < units.size(); i++) {
            entries.add(entry(file, i, units.get(i), problems));
        }
    }

    private static SeedEntry entry(String file, int index, JsonNode n, List<SeedProblem> problems) {
        String name = text(n, "name");
        String label = name == null ? "#" + index : name;
        List<String> errors = new ArrayList<>();
        if (name == null || name.isBlank()) errors.add("has no name");
        Unit.Level level = null;
        String rawLevel = text(n, "level");
        try {
            level = rawLevel == null ? null : Unit.Level.valueOf(rawLevel.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (level == null) errors.add("unknown level '" + rawLevel + "' (province, city, county or department)");
        String code = text(n, "divisionCode");
        if (code != null && !DIVISION_CODE.matcher(code).matches()) errors.add("malformed division code '" + code + "' (6 digits)");
        String rawHome = text(n, "home");
        URI home = null;
        if (rawHome == null) {
            problems.add(new SeedProblem(SeedProblem.Severity.WARNING, file, label, "no portal home URL known; it cannot be crawled"));
        } else {
            home = webUrl(rawHome, "home", errors);
        }
        List<URI> columns = new ArrayList<>();
        for (JsonNode c : iter(n.get("reportColumns"))) {
            URI u = webUrl(c.asText(), "report column", errors);
            if (u != null) columns.add(u);
        }
        List<String> hosts = new ArrayList<>();
        for (JsonNode h : iter(n.get("allowedHosts"))) {
            String host = h.asText().toLowerCase(Locale.ROOT);
            if (HOST_PATTERN.matcher(host).matches()) hosts.add(host);
            else errors.add("malformed allowed host '" + h.asText() + "'");
        }
        if (hosts.isEmpty() && home != null) hosts.add(home.getHost().toLowerCase(Locale.ROOT));
        errors.forEach(m -> problems.add(new SeedProblem(SeedProblem.Severity.ERROR, file, label, m)));
        Unit unit = (name == null || level == null) ? null
                : new Unit(name, level, text(n, "parent"), code, home, columns, hosts, n.path("verified").asBoolean(false));
        return new SeedEntry(unit, file, index, text(n, "basis"), text(n, "columnNote"), rawHome);
    }

    private static URI webUrl(String raw, String what, List<String> errors) {
        try {
            URI u = new URI(raw.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) return u;
        } catch (URISyntaxException e) {
            // reported below
        }
        errors.add("malformed " + what + " URL '" + raw + "' (need absolute http/https with a host)");
        return null;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Iterable<JsonNode> iter(JsonNode array) {
        return array == null || !array.isArray() ? List.of() : array::elements;
    }

    /** Every entry, in file order, including ones too broken to become a unit. */
    public List<SeedEntry> entries() {
        return entries;
    }

    /** Every well-formed unit, in file order. */
    public List<Unit> units() {
        return entries.stream().map(SeedEntry::unit).filter(Objects::nonNull).toList();
    }

    /** Problems found while reading plus duplicates and unknown parents across all files. */
    public List<SeedProblem> validate() {
        List<SeedProblem> out = new ArrayList<>(readProblems);
        Set<String> names = new HashSet<>();
        entries.stream().map(SeedEntry::unit).filter(Objects::nonNull).forEach(u -> names.add(u.name()));
        Map<String, SeedEntry> byName = new HashMap<>();
        Map<String, SeedEntry> byHome = new HashMap<>();
        Map<String, SeedEntry> byCode = new HashMap<>();
        for (SeedEntry e : entries) {
            Unit u = e.unit();
            if (u == null) continue;
            // Two units may share a name in different parents (two 城关区), never in the same one.
            String key = u.parent() + "/" + u.name();
            duplicate(out, e, byName.putIfAbsent(key, e), "duplicate unit name under " + u.parent());
            if (u.home() != null) {
                duplicate(out, e, byHome.putIfAbsent(homeKey(u.home()), e), "duplicate home URL " + u.home());
            }
            if (u.divisionCode() != null && u.level() != Unit.Level.DEPARTMENT) {
                duplicate(out, e, byCode.putIfAbsent(u.divisionCode(), e), "duplicate division code " + u.divisionCode());
            }
            if (u.parent() != null && !names.contains(u.parent())) {
                out.add(new SeedProblem(SeedProblem.Severity.ERROR, e.file(), u.name(), "unknown parent '" + u.parent() + "'"));
            }
            if (u.parent() == null && u.level() != Unit.Level.PROVINCE) {
                out.add(new SeedProblem(SeedProblem.Severity.ERROR, e.file(), u.name(), "only a province may have no parent"));
            }
        }
        return out;
    }

    private static void duplicate(List<SeedProblem> out, SeedEntry e, SeedEntry earlier, String what) {
        if (earlier != null) {
            out.add(new SeedProblem(SeedProblem.Severity.ERROR, e.file(), e.unit().name(),
                    what + " (first at " + earlier.file() + " #" + earlier.index() + ")"));
        }
    }

    private static String homeKey(URI home) {
        String path = home.getPath() == null || home.getPath().isEmpty() ? "/" : home.getPath();
        return home.getHost().toLowerCase(Locale.ROOT) + path;
    }
}
