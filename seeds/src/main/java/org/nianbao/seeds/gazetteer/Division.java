package org.nianbao.seeds.gazetteer;

/**
 * One administrative division as listed in GB/T 2260.
 *
 * @param code       2 digits (province), 4 (prefecture city) or 6 (county level)
 * @param name       full name, e.g. 平罗县
 * @param level      {@link Level#PROVINCE}, {@link Level#CITY} or {@link Level#COUNTY}
 * @param parentCode code of the division above it, or null for a province
 */
public record Division(String code, String name, Level level, String parentCode) {

    public enum Level { PROVINCE, CITY, COUNTY }

    /** The six-digit form of the code (provinces and cities padded with zeros), as printed in registers. */
    public String fullCode() {
        return (code + "000000").substring(0, 6);
    }
}
