package org.nianbao.crawler.links;

/**
 * A link found in a page.
 *
 * @param url    absolute, normalised URL
 * @param anchor the words that point to it (anchor text, title, nearby script text); may be empty
 * @param paging true when it is the next page of the same list (TRS, Hanweb, ?page=N), not a new page
 */
public record Link(String url, String anchor, boolean paging) {
}
