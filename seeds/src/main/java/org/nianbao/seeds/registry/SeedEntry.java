package org.nianbao.seeds.registry;

import org.nianbao.seeds.Unit;

/**
 * One unit as read from a seed file, with where it came from and the facts that {@link Unit} does
 * not carry (why we believe the URLs, free-text column notes).
 *
 * @param unit       the unit, or null when the entry could not be turned into one
 * @param file       the seed file it came from
 * @param index      its position in that file's "units" array (0-based)
 * @param basis      how the facts were gathered ("printed in a seed report", …), or null
 * @param columnNote a free-text hint about report columns that is not a URL, or null
 * @param rawHome    the home URL as written (kept so validation can report malformed values)
 */
public record SeedEntry(Unit unit, String file, int index, String basis, String columnNote, String rawHome) {
}
