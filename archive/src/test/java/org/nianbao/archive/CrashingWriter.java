package org.nianbao.archive;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Random;

/**
 * The child JVM of {@link CrashRecoveryTest}: stores some small reports, then starts on a large one
 * and is killed (kill -9) by the test while that record is being written.
 * Args: dataDir workDir smallCount bigBytes.
 */
public final class CrashingWriter {
    static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int small = Integer.parseInt(args[2]);
        int bigBytes = Integer.parseInt(args[3]);
        PrintStream out = System.out;
        TestExchanges ex = new TestExchanges(work);
        WarcArchive archive = WarcArchive.open(data, ArchiveOptions.defaults(), Clock.systemUTC());
        for (int i = 0; i < small; i++) {
            archive.store(ex.ok(smallUrl(i), "application/pdf", smallBody(i), T0.plusSeconds(i)));
        }
        byte[] big = new byte[bigBytes];
        new Random(42).nextBytes(big);
        Exchange bigExchange = ex.ok("http://www.big.gov.cn/huge.pdf", "application/pdf", big, T0.plusSeconds(small));
        big = null;
        out.println("BIG " + Files.size(bigExchange.responseBody()));
        out.flush();
        archive.store(bigExchange);
        out.println("STORED");
        out.flush();
        Thread.sleep(60_000); // never closes: the test kills us first
    }

    static String smallUrl(int i) {
        return "http://www.gov" + (i % 3) + ".cn/nb/" + i + ".pdf";
    }

    static byte[] smallBody(int i) {
        byte[] b = new byte[1000 + i * 113];
        new Random(i).nextBytes(b);
        return b;
    }
}
