package org.opencdp.gateway.proxy;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The secret a request presents: a key as the HTTP Basic user name (Segment/RudderStack SDKs; the password is
 * ignored, or holds the key when the user name is empty), or as a Bearer token (secret keys, the admin token). A GET
 * under /dmp/v1 may carry a write key in the {@code writeKey} query parameter (pixels and beacons cannot set
 * headers); it is then removed before forwarding.
 */
public record Credential(String secret, boolean fromQuery) {
    public static final String QUERY_PARAM = "writeKey";

    /** The credential of the request, null when it carries none, an empty secret when the header is malformed. */
    public static Credential of(HttpServerRequest request, String path) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            String query = request.method() == HttpMethod.GET && path.startsWith("/dmp/v1/")
                    ? request.getParam(QUERY_PARAM) : null;
            return query == null || query.isBlank() ? null : new Credential(query.strip(), true);
        }
        header = header.strip();
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Credential(header.substring(7).strip(), false);
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return new Credential(basicUser(header.substring(6).strip()), false);
        }
        return new Credential("", false);
    }

    private static String basicUser(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        return user.isEmpty() && colon >= 0 ? decoded.substring(colon + 1) : user;
    }
}
