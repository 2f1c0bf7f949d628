package org.nianbao.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.nio.file.Path;

/** The `nianbao` command: wires the modules into verbs. Holds no domain logic. */
@Command(name = "nianbao", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Preserve and search 政府信息公开工作年度报告 (government information-disclosure annual reports).",
        subcommands = {CommandLine.HelpCommand.class,
                org.nianbao.app.cli.DemoCommand.class,
                org.nianbao.app.cli.SeedsCommand.class,
                org.nianbao.app.cli.CrawlCommand.class,
                org.nianbao.app.cli.SimCommand.class,
                org.nianbao.app.cli.RunCommand.class,
                org.nianbao.app.cli.IndexCommand.class,
                org.nianbao.app.cli.SearchCommand.class,
                org.nianbao.app.cli.ExportCommand.class,
                org.nianbao.app.cli.BatchSearchCommand.class,
                org.nianbao.app.cli.ServeCommand.class,
                org.nianbao.app.cli.ChangesCommand.class,
                org.nianbao.app.cli.WatchCommand.class,
                org.nianbao.app.cli.ParseCommand.class,
                org.nianbao.app.cli.ExtractCommand.class,
                org.nianbao.app.cli.VerifyCommand.class,
                org.nianbao.app.cli.HistoryCommand.class,
                org.nianbao.app.cli.ArchiveCommand.class,
        })
public final class Main implements Runnable {

    public static void main(String[] args) {
        // Logback reads the log folder from this property, so it must be set before the first logger.
        System.setProperty("nianbao.data", dataDirFrom(args).toAbsolutePath().toString());
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code: 0 ok, 1 failure, 2 bad usage. */
    public static int run(String... args) {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler(new FailureHandler())
                .execute(args);
    }

    static Path dataDirFrom(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data") && i + 1 < args.length) return Path.of(args[i + 1]);
            if (args[i].startsWith("--data=")) return Path.of(args[i].substring("--data=".length()));
        }
        return Path.of("data");
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"nianbao " + (v == null ? "dev" : v) + " (Java " + Runtime.version() + ")"};
        }
    }

    /** A failure is one clear line for people on stderr; the stack trace goes to the log file. */
    static final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("command failed", e);
            cmd.getErr().println("nianbao: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 1;
        }
    }
}
