package org.nianbao.crawler.fetch;

import java.net.URI;

/**
 * One request to make.
 *
 * @param url          the target
 * @param referrer     sent as Referer when not null
 * @param etag         sent as If-None-Match when not null (conditional re-fetch)
 * @param lastModified sent as If-Modified-Since when not null
 */
public record FetchRequest(URI url, String referrer, String etag, String lastModified) {

    public static FetchRequest get(URI url) {
        return new FetchRequest(url, null, null, null);
    }
}
