package org.nianbao.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.nianbao.seeds.Unit;
import org.nianbao.seeds.registry.SeedEntry;
import org.nianbao.seeds.registry.SeedProblem;
import org.nianbao.seeds.registry.SeedRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code nianbao seeds list|validate}: the portals we know. */
@Command(name = "seeds", mixinStandardHelpOptions = true,
        description = "List or validate the seed registry (per-province JSON files; bundled: seeds/data).",
        subcommands = {SeedsCommand.ListSeeds.class, SeedsCommand.Validate.class})
public final class SeedsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options both subcommands take. */
    static final class Source {
        @Option(names = "--seeds", paramLabel = "FILE", description = "a seed file or folder instead of the bundled registry")
        Path seeds;

        @Option(names = "--json", description = "machine-readable output")
        boolean json;

        @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "data folder (unused here; accepted like every verb)")
        Path data;

        SeedRegistry registry() {
            return seeds == null ? SeedRegistry.bundled() : SeedRegistry.load(seeds);
        }
    }

    static String json(Object o) throws Exception {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every unit: level, parent, code, portal, whether verified.")
    static final class ListSeeds implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @CommandLine.Mixin
        Source source = new Source();

        @Override
        public Integer call() throws Exception {
            SeedRegistry registry = source.registry();
            PrintWriter out = spec.commandLine().getOut();
            if (source.json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (SeedEntry e : registry.entries()) {
                    if (e.unit() == null) continue;
                    Unit u = e.unit();
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", u.name());
                    m.put("level", u.level().name().toLowerCase());
                    m.put("parent", u.parent());
                    m.put("divisionCode", u.divisionCode());
                    m.put("home", u.home() == null ? null : u.home().toString());
                    m.put("reportColumns", u.reportColumns().stream().map(Object::toString).toList());
                    m.put("allowedHosts", u.allowedHosts());
                    m.put("verified", u.verified());
                    m.put("basis", e.basis());
                    m.put("file", e.file());
                    rows.add(m);
                }
                out.println(json(rows));
            } else {
                for (Unit u : registry.units()) {
                    out.printf("%-10s %-10s %-8s %-12s %-40s %s%n", u.name(), u.level().name().toLowerCase(),
                            u.divisionCode() == null ? "-" : u.divisionCode(), u.parent() == null ? "-" : u.parent(),
                            u.home() == null ? "(no portal known)" : u.home(),
                            (u.verified() ? "verified" : "unverified") + (u.reportColumns().isEmpty() ? "" : ", " + u.reportColumns().size() + " report columns"));
                }
                out.printf("%d units%n", registry.units().size());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check the registry: duplicates, unknown parents, malformed URLs. Exit 1 when there are errors.")
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @CommandLine.Mixin
        Source source = new Source();

        @Override
        public Integer call() throws Exception {
            SeedRegistry registry = source.registry();
            List<SeedProblem> problems = registry.validate();
            long errors = problems.stream().filter(p -> p.severity() == SeedProblem.Severity.ERROR).count();
            PrintWriter out = spec.commandLine().getOut();
            if (source.json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("units", registry.entries().size());
                m.put("errors", errors);
                m.put("problems", problems);
                out.println(json(m));
            } else {
                problems.forEach(p -> out.println(p));
                out.printf("%d units, %d errors, %d warnings%n", registry.entries().size(), errors, problems.size() - errors);
            }
            out.flush();
            return errors == 0 ? 0 : 1;
        }
    }
}
