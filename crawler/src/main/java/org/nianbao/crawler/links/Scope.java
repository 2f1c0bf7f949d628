package org.nianbao.crawler.links;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which hosts one seed may lead into: its allowed-host patterns (exact names or *.suffix). Links to
 * other sites are never followed, and neither are links whose host is a literal private, loopback or
 * link-local IP (a portal linking to 192.168.x.x is a leak, not a page), unless a seed itself is there.
 */
public final class Scope {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private final List<String> patterns;

    public Scope(List<String> patterns) {
        this.patterns = patterns.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }

    /** The default for a bare seed URL: its host and subdomains of its registered name (www. dropped). */
    public static Scope ofSeed(URI seed) {
        String host = seed.getHost().toLowerCase(Locale.ROOT);
        if (IPV4.matcher(host).matches() || host.startsWith("[")) return new Scope(List.of(host));
        String base = host.startsWith("www.") ? host.substring(4) : host;
        return new Scope(List.of(host, "*." + base));
    }

    public List<String> patterns() {
        return patterns;
    }

    public boolean allows(URI url) {
        String host = url.getHost();
        if (host == null) return false;
        host = host.toLowerCase(Locale.ROOT);
        for (String p : patterns) {
            if (p.equals(host)) return true;
            if (p.startsWith("*.") && (host.endsWith(p.substring(1)) || host.equals(p.substring(2)))) return true;
        }
        return false;
    }

    /** True for literal IPs in loopback, private, link-local or unspecified ranges. */
    public static boolean isPrivateLiteral(String host) {
        if (host == null) return false;
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!IPV4.matcher(h).matches() && !h.contains(":")) return false;
        try {
            InetAddress a = InetAddress.getByName(h);
            return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                    || (a.getAddress().length == 16 && (a.getAddress()[0] & 0xfe) == 0xfc);
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
