package org.nianbao.crawler.fetch;

import okhttp3.Dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** OkHttp {@link Dns} that applies --resolve rules first and asks the system for everything else. */
final class OverridingDns implements Dns {
    private final List<DnsOverride> overrides;

    OverridingDns(List<DnsOverride> overrides) {
        this.overrides = List.copyOf(overrides);
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        for (DnsOverride o : overrides) {
            if (o.matches(hostname)) return List.of(o.address());
        }
        return Dns.SYSTEM.lookup(hostname);
    }
}
