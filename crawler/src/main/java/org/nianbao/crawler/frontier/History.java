package org.nianbao.crawler.frontier;

/**
 * What we knew about a URL after its last fetch (in any run): the validators for a conditional
 * request and the payload digest that tells "changed" from "unchanged".
 */
public record History(String url, String etag, String lastModified, String sha256, int status, String kind,
                      long runId) {
}
