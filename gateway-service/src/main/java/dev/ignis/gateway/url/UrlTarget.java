package dev.ignis.gateway.url;

/**
 * A request addressed to a function URL, by host or by path.
 *
 * @param urlId the URL's id (first host label, or the path segment after the prefix)
 * @param rawPath the path the function sees: the request path, less the path form's prefix
 * @param domainName the URL's host name as the function sees it, without a port
 */
record UrlTarget(String urlId, String rawPath, String domainName) {}
