package org.nianbao.seeds.registry;

/**
 * One thing wrong with a seed file.
 *
 * @param severity ERROR makes validation fail; WARNING is reported only
 * @param file     the seed file
 * @param unit     the unit's name, or "#index" when it has none
 * @param message  one line for people
 */
public record SeedProblem(Severity severity, String file, String unit, String message) {

    public enum Severity { ERROR, WARNING }

    @Override
    public String toString() {
        return severity + " " + file + " " + unit + ": " + message;
    }
}
