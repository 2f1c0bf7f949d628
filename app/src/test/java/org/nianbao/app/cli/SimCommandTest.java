package org.nianbao.app.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SimCommandTest {

    @Test
    void servesTheFarmAndPrintsOneSeedUrlPerHostUntilStopped() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new SimCommand(stop));
        cmd.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cmd.execute("--hosts", "3", "--quiet"));
        List<URI> seeds = awaitSeeds(out, 3);
        assertThat(seeds).extracting(URI::getHost)
                .containsExactly("www.sim-wuzhong.gov.cn", "www.sim-guyuan.gov.cn", "www.sim-lingwu.gov.cn");
        String home = get(seeds.get(1));
        assertThat(home).startsWith("HTTP/1.1 200").contains("固原市人民政府").contains("政府信息公开年报");
        assertThat(err.toString()).contains("3 hosts").contains("/__sim/truth");
        stop.countDown();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        // the port is closed once the command returned
        assertThat(canConnect(seeds.getFirst().getPort())).isFalse();
    }

    @Test
    void rejectsAHostCountOutsideOneToHundredAsBadUsage() {
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new SimCommand(new CountDownLatch(0)));
        cmd.setErr(new PrintWriter(err, true));
        assertThat(cmd.execute("--hosts", "101")).isEqualTo(2);
        assertThat(err.toString()).contains("--hosts must be 1..100");
        assertThat(cmd.execute("--hosts", "0")).isEqualTo(2);
    }

    private static List<URI> awaitSeeds(StringWriter out, int n) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            List<URI> seeds = out.toString().lines().filter(l -> l.startsWith("http://")).map(URI::create).toList();
            if (seeds.size() == n) return seeds;
            Thread.sleep(50);
        }
        throw new AssertionError("no seed URLs printed; got: " + out);
    }

    private static String get(URI url) throws Exception {
        try (Socket s = new Socket("127.0.0.1", url.getPort())) {
            OutputStream o = s.getOutputStream();
            o.write(("GET " + url.getPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            o.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean canConnect(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
