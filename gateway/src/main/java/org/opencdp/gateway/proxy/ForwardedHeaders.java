package org.opencdp.gateway.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opencdp.common.request.RequestIds;

/** Which headers cross the gateway, in both directions (RFC 9110 section 7.6.1 hop-by-hop headers stay behind). */
final class ForwardedHeaders {
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");
    /** Replaced or set by the gateway on the way in. */
    private static final Set<String> REPLACED_IN = Set.of("authorization", "host", "content-length", "expect",
            "x-request-id");
    private static final Set<String> REQUEST_ID = Set.of("x-request-id");
    private static final Set<String> SKIPPED_IN = union(HOP_BY_HOP, REPLACED_IN);
    private static final Set<String> SKIPPED_OUT = union(HOP_BY_HOP, REQUEST_ID);

    private ForwardedHeaders() {}

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    static MultiMap request(HttpServerRequest in, CharSequence authorization) {
        Set<String> skip = skipped(in.headers(), SKIPPED_IN);
        MultiMap out = MultiMap.caseInsensitiveMultiMap();
        for (Map.Entry<String, String> header : in.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!skip.contains(name) && !name.startsWith(":")) { // no HTTP/2 pseudo-headers on HTTP/1.1
                out.add(header.getKey(), header.getValue());
            }
        }
        out.set(HttpHeaders.AUTHORIZATION, authorization);
        out.set(RequestIds.HEADER, in.getHeader(RequestIds.HEADER));
        String client = in.remoteAddress() == null ? null : in.remoteAddress().hostAddress();
        if (client != null) {
            String prior = in.getHeader("X-Forwarded-For");
            out.set("X-Forwarded-For", prior == null || prior.isBlank() ? client : prior + ", " + client);
        }
        if (in.getHeader("X-Forwarded-Proto") == null) {
            out.set("X-Forwarded-Proto", in.scheme() == null ? "http" : in.scheme());
        }
        if (in.getHeader("X-Forwarded-Host") == null && in.authority() != null) {
            out.set("X-Forwarded-Host", in.authority().toString());
        }
        return out;
    }

    static void copyResponse(MultiMap from, MultiMap to) {
        Set<String> skip = skipped(from, SKIPPED_OUT);
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            boolean corsSetHere = name.startsWith("access-control-") && to.contains(name);
            if (!skip.contains(name) && !corsSetHere) {
                to.add(header.getKey(), header.getValue());
            }
        }
    }

    /** The given headers plus those the Connection header names. */
    private static Set<String> skipped(MultiMap headers, Set<String> always) {
        List<String> connection = headers.getAll(HttpHeaders.CONNECTION);
        if (connection.isEmpty()) {
            return always; // the common case allocates nothing
        }
        Set<String> skip = new HashSet<>(always);
        for (String value : connection) {
            for (String name : value.split(",")) {
                skip.add(name.strip().toLowerCase(Locale.ROOT));
            }
        }
        return skip;
    }
}
