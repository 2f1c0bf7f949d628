package org.nianbao.crawler;

import org.nianbao.crawler.links.LinkKind;
import org.nianbao.crawler.links.Scope;
import org.nianbao.seeds.Unit;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A start URL with the unit it belongs to and the hosts it may lead into.
 *
 * @param kind COLUMN for a known report column, PAGE for a portal home page
 */
public record Seed(URI url, String unit, Scope scope, LinkKind kind) {

    /** A unit's report columns first, then its home page; units without a home yield only their columns. */
    public static List<Seed> of(Unit unit) {
        List<Seed> out = new ArrayList<>();
        Scope scope = new Scope(unit.allowedHosts().isEmpty() && unit.home() != null
                ? Scope.ofSeed(unit.home()).patterns() : unit.allowedHosts());
        for (URI c : unit.reportColumns()) out.add(new Seed(c, unit.name(), scope, LinkKind.COLUMN));
        if (unit.home() != null) out.add(new Seed(unit.home(), unit.name(), scope, LinkKind.PAGE));
        return out;
    }

    /** A bare URL: its host and the subdomains of its registered name are in scope. */
    public static Seed of(URI url) {
        return new Seed(url, null, Scope.ofSeed(url), LinkKind.PAGE);
    }
}
