package org.nianbao.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.nianbao.sim.FarmConfig;
import org.nianbao.sim.FarmTruth;
import org.nianbao.sim.PortalFarm;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code nianbao sim}: serves a farm of simulated portals on 127.0.0.1 until interrupted. */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Serve a farm of simulated government portals on 127.0.0.1 and print their seed URLs; runs until Ctrl-C.",
                "Host names are *.gov.cn on one port: crawl with --resolve '*.gov.cn=127.0.0.1'.",
                "Oracle: /__sim/truth and /__sim/stats on any host name; POST /__sim/advance moves to next week."})
public final class SimCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "0", description = "TCP port on 127.0.0.1 (0 = any free port; default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--hosts", defaultValue = "30", description = "number of portals, 1..100 (default ${DEFAULT-VALUE})")
    int hosts;

    @Option(names = "--seed", description = "seed for the farm's content (same seed, same bytes)")
    Long seed;

    @Option(names = "--quiet", description = "no hostile features (robots traps, 429s, anti-bot pages, …)")
    boolean quiet;

    @Option(names = "--small", description = "the small test farm: 2 hosts, 3 inline-HTML reports each, no hostile features")
    boolean small;

    @Option(names = "--data", defaultValue = "data", description = "data directory (only logs are written, under logs/)")
    Path data;

    @Option(names = "--json", description = "print the farm's port, seed URLs and oracle URLs as JSON")
    boolean json;

    private final CountDownLatch stop;

    public SimCommand() {
        this(null);
    }

    /** For tests: serve until {@code stop} opens instead of until the process is interrupted. */
    SimCommand(CountDownLatch stop) {
        this.stop = stop;
    }

    @Override
    public Integer call() throws Exception {
        if (!small && (hosts < 1 || hosts > FarmConfig.MAX_HOSTS)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--hosts must be 1.." + FarmConfig.MAX_HOSTS + ", got " + hosts);
        }
        if (port < 0 || port > 65535) throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0..65535, got " + port);
        FarmConfig config = small ? FarmConfig.small() : FarmConfig.defaults(hosts);
        config = config.withPort(port);
        if (seed != null) config = config.withSeed(seed);
        if (quiet) config = config.withHostile(Set.of());
        PortalFarm farm = PortalFarm.start(config);
        CountDownLatch done = stop != null ? stop : new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            farm.close();
            done.countDown();
        }, "sim-shutdown");
        if (stop == null) Runtime.getRuntime().addShutdownHook(hook);
        try {
            print(farm);
            done.await();
        } finally {
            farm.close();
        }
        return 0;
    }

    private void print(PortalFarm farm) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FarmTruth truth = farm.truth();
        String admin = "http://127.0.0.1:" + farm.port() + "/__sim/";
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("port", farm.port());
            m.put("hosts", truth.hosts().size());
            m.put("reports", truth.reports().size());
            m.put("seedUrls", farm.seedUrls().stream().map(URI::toString).toList());
            m.put("truthUrl", admin + "truth");
            m.put("statsUrl", admin + "stats");
            m.put("advanceUrl", admin + "advance");
            out.println(new ObjectMapper().writeValueAsString(m));
        } else {
            err.printf("portal farm on 127.0.0.1:%d: %d hosts, %d report documents (week %d)%n",
                    farm.port(), truth.hosts().size(), truth.reports().size(), truth.week());
            for (FarmTruth.HostTruth h : truth.hosts()) {
                err.printf("  %-32s %-9s %-5s %s%s%n", h.host(), h.cms(), h.charset(), h.unit(),
                        h.features().isEmpty() ? "" : "  " + h.features());
            }
            err.printf("oracle: %struth  %sstats  (POST %sadvance = next week); crawl with --resolve '*.gov.cn=127.0.0.1'%n",
                    admin, admin, admin);
            err.println("seed URLs (stdout); Ctrl-C stops the farm:");
            List<URI> seeds = farm.seedUrls();
            seeds.forEach(out::println);
        }
        out.flush();
        err.flush();
    }
}
