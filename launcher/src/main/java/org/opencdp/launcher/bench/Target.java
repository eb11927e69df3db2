package org.opencdp.launcher.bench;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP GET endpoint to load: a name for the report, the URL and the request headers. */
public record Target(String name, String url, Map<String, String> headers) {
    public Target {
        headers = Map.copyOf(headers);
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("Only http:// URLs with a host: " + url);
        }
    }

    public static Target get(String name, String url) {
        return new Target(name, url, Map.of());
    }

    public Target withHeader(String header, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(header, value);
        return new Target(name, url, copy);
    }

    String host() {
        return URI.create(url).getHost();
    }

    int port() {
        int port = URI.create(url).getPort();
        return port < 0 ? 80 : port;
    }

    String pathAndQuery() {
        URI uri = URI.create(url);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
