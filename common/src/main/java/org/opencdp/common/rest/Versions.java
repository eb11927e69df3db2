package org.opencdp.common.rest;

import jakarta.ws.rs.core.EntityTag;
import java.util.OptionalLong;
import org.opencdp.common.problem.ProblemException;

/** Optimistic concurrency on the wire: a record's version is its ETag, and If-Match names the version to replace. */
public final class Versions {
    private Versions() {}

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version named by If-Match; empty when the header is absent or "*". A malformed ETag is a 412. */
    public static OptionalLong ifMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(header.trim().replaceFirst("^W/", "").replace("\"", "")));
        } catch (NumberFormatException e) {
            throw new ProblemException(412, "If-Match must be an ETag returned by this API, such as \"1\"");
        }
    }

    public static ProblemException staleWrite(String what) {
        return new ProblemException(412,
                "The " + what + " changed since you read it; read again and retry with the new ETag");
    }
}
