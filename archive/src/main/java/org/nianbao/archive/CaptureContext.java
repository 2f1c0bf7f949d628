package org.nianbao.archive;

/**
 * What the crawler knew about a capture when it fetched it, as kept in the capture's WARC metadata
 * record: the seed unit whose portal it was crawling and the page that linked the URL.
 *
 * @param seedUnit name of the seed unit, or null
 * @param referrer the page that linked this URL, or null (a seed, or not recorded)
 */
public record CaptureContext(String seedUnit, String referrer) {
}
