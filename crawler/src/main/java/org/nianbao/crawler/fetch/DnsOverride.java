package org.nianbao.crawler.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * A curl-like {@code --resolve} rule: host names matching {@code pattern} (exact, or {@code *.suffix},
 * or {@code *}) resolve to {@code address} instead of asking DNS.
 */
public record DnsOverride(String pattern, InetAddress address) {

    /** Parses {@code PATTERN=IP}, e.g. {@code *.gov.cn=127.0.0.1}; the IP must be a literal address. */
    public static DnsOverride parse(String rule) {
        int eq = rule.lastIndexOf('=');
        if (eq <= 0 || eq == rule.length() - 1) {
            throw new IllegalArgumentException("--resolve wants PATTERN=IP, got '" + rule + "'");
        }
        String ip = rule.substring(eq + 1).strip();
        if (!ip.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            throw new IllegalArgumentException("--resolve wants a literal IP address, got '" + ip + "'");
        }
        try {
            return new DnsOverride(rule.substring(0, eq).strip().toLowerCase(Locale.ROOT), InetAddress.getByName(ip));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--resolve: bad IP address '" + ip + "'", e);
        }
    }

    public boolean matches(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (pattern.equals("*")) return true;
        if (pattern.startsWith("*.")) return h.endsWith(pattern.substring(1)) || h.equals(pattern.substring(2));
        return h.equals(pattern);
    }
}
