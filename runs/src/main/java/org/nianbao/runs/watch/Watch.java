package org.nianbao.runs.watch;

import java.time.Instant;

/** A saved search: after each run, the reports that newly match it are recorded (and fed as Atom). */
public record Watch(String name, String query, Instant created) {
}
