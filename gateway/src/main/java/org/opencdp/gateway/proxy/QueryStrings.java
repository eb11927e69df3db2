package org.opencdp.gateway.proxy;

import java.util.Arrays;
import java.util.stream.Collectors;

final class QueryStrings {
    private QueryStrings() {}

    /** The raw query without the parameters of that name (other parameters untouched, still encoded). */
    static String without(String query, String name) {
        return Arrays.stream(query.split("&"))
                .filter(part -> !part.equals(name) && !part.startsWith(name + "="))
                .collect(Collectors.joining("&"));
    }
}
