package org.nianbao.seeds.gazetteer;

/**
 * Where an agency sits: its province, prefecture city and county-level division.
 *
 * @param province full province name, e.g. 宁夏回族自治区
 * @param city     prefecture-level city, or null for a provincial agency (for 直辖市 the municipality itself)
 * @param county   county-level division (县, 县级市, 区, 旗), or null for a city or provincial agency
 * @param code     six-digit GB/T 2260 code of the most specific division named
 * @param level    the most specific level named: province, city or county
 */
public record Place(String province, String city, String county, String code, Division.Level level) {
}
