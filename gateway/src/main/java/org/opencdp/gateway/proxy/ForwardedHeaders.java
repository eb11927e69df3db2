package org.opencdp.gateway.proxy;

import io.netty.util.AsciiString;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Map;
import org.opencdp.common.request.RequestIds;

/**
 * Which headers cross the gateway, in both directions (RFC 9110 section 7.6.1 hop-by-hop headers stay behind). The
 * name sets are case-insensitive header maps, so that checking a header allocates nothing (lower-casing every name
 * and hashing the copy took a few percent of the gateway's time); names it sets are {@link AsciiString}s, which Netty
 * writes as bytes.
 */
final class ForwardedHeaders {
    private static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");
    /** Replaced or set by the gateway on the way in. */
    private static final List<String> REPLACED_IN = List.of("authorization", "host", "content-length", "expect",
            "x-request-id");
    private static final MultiMap SKIPPED_IN = names(HOP_BY_HOP, REPLACED_IN);
    private static final MultiMap SKIPPED_OUT = names(HOP_BY_HOP, List.of("x-request-id"));
    private static final CharSequence REQUEST_ID = AsciiString.cached(RequestIds.HEADER);
    private static final CharSequence FORWARDED_FOR = AsciiString.cached("X-Forwarded-For");
    private static final CharSequence FORWARDED_PROTO = AsciiString.cached("X-Forwarded-Proto");
    private static final CharSequence FORWARDED_HOST = AsciiString.cached("X-Forwarded-Host");

    private ForwardedHeaders() {}

    private static MultiMap names(List<String> some, List<String> more) {
        MultiMap names = MultiMap.caseInsensitiveMultiMap();
        some.forEach(name -> names.add(name, ""));
        more.forEach(name -> names.add(name, ""));
        return names;
    }

    static MultiMap request(HttpServerRequest in, CharSequence authorization) {
        MultiMap skip = skipped(in.headers(), SKIPPED_IN);
        MultiMap out = MultiMap.caseInsensitiveMultiMap();
        for (Map.Entry<String, String> header : in.headers()) {
            String name = header.getKey();
            if (!skip.contains(name) && !name.startsWith(":")) { // no HTTP/2 pseudo-headers on HTTP/1.1
                out.add(name, header.getValue());
            }
        }
        out.set(HttpHeaders.AUTHORIZATION, authorization);
        out.set(REQUEST_ID, in.getHeader(RequestIds.HEADER));
        String client = in.remoteAddress() == null ? null : in.remoteAddress().hostAddress();
        if (client != null) {
            String prior = in.getHeader(FORWARDED_FOR);
            out.set(FORWARDED_FOR, prior == null || prior.isBlank() ? client : prior + ", " + client);
        }
        if (in.getHeader(FORWARDED_PROTO) == null) {
            out.set(FORWARDED_PROTO, in.scheme() == null ? "http" : in.scheme());
        }
        if (in.getHeader(FORWARDED_HOST) == null && in.authority() != null) {
            out.set(FORWARDED_HOST, in.authority().toString());
        }
        return out;
    }

    static void copyResponse(MultiMap from, MultiMap to) {
        MultiMap skip = skipped(from, SKIPPED_OUT);
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey();
            boolean corsSetHere = name.regionMatches(true, 0, "access-control-", 0, 15) && to.contains(name);
            if (!skip.contains(name) && !corsSetHere) {
                to.add(name, header.getValue());
            }
        }
    }

    /** The given names plus those the Connection header names. */
    private static MultiMap skipped(MultiMap headers, MultiMap always) {
        List<String> connection = headers.getAll(HttpHeaders.CONNECTION);
        if (connection.isEmpty()) {
            return always; // the common case allocates nothing
        }
        MultiMap skip = MultiMap.caseInsensitiveMultiMap().addAll(always);
        for (String value : connection) {
            for (String name : value.split(",")) {
                if (!name.isBlank()) {
                    skip.add(name.strip(), "");
                }
            }
        }
        return skip;
    }
}
