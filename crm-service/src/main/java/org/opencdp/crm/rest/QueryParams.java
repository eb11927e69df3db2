package org.opencdp.crm.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.opencdp.common.problem.ProblemException;

/** Parsing of query parameters into 400 problems that name the parameter. */
final class QueryParams {
    private QueryParams() {}

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static UUID uuid(String name, String value) {
        if (text(value) == null) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be a UUID");
        }
    }

    /** An ISO-8601 instant, or a date meaning its start in UTC. */
    static Instant instant(String name, String value) {
        if (text(value) == null) {
            return null;
        }
        try {
            return value.strip().length() == 10 ? LocalDate.parse(value.strip()).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be an ISO-8601 instant (2026-11-29T05:00:00Z) or date");
        }
    }

    static LocalDate date(String name, String value) {
        if (text(value) == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be an ISO-8601 date (2026-11-29)");
        }
    }

    static int limit(Integer value, int defaultSize, int max) {
        if (value == null) {
            return defaultSize;
        }
        if (value < 1 || value > max) {
            throw ProblemException.badRequest("limit", "must be between 1 and " + max);
        }
        return value;
    }
}
