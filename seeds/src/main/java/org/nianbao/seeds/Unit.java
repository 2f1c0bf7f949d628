package org.nianbao.seeds;

import java.net.URI;
import java.util.List;

/**
 * One government body whose portal we crawl: the hand-over from seeds to the crawler.
 *
 * @param name             the unit's name as it calls itself, e.g. 吴忠市人民政府
 * @param level            province, city, county or department
 * @param parent           name of the unit above it, or null for a province
 * @param divisionCode     GB/T 2260 administrative-division code, or null when unknown
 * @param home             portal home page
 * @param reportColumns    known 政府信息公开年报 column pages; may be empty (the crawler discovers them)
 * @param allowedHosts     host names the crawler may follow links into (patterns like *.wuzhong.gov.cn)
 * @param verified         whether the URLs were confirmed reachable, or only taken from documents
 */
public record Unit(
        String name,
        Level level,
        String parent,
        String divisionCode,
        URI home,
        List<URI> reportColumns,
        List<String> allowedHosts,
        boolean verified) {

    public enum Level { PROVINCE, CITY, COUNTY, DEPARTMENT }

    public Unit {
        reportColumns = List.copyOf(reportColumns);
        allowedHosts = List.copyOf(allowedHosts);
    }
}
