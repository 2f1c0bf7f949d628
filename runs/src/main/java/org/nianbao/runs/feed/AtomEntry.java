package org.nianbao.runs.feed;

import java.time.Instant;

/**
 * One Atom entry.
 *
 * @param id      a permanent IRI that names the entry (never changes when the feed is rebuilt)
 * @param title   one line for people
 * @param link    where the entry points (the original document), or null
 * @param updated when the thing it tells of happened
 * @param summary plain text, several lines allowed, or null
 */
public record AtomEntry(String id, String title, String link, Instant updated, String summary) {
}
