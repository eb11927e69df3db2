package org.opencdp.crm.repository;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Orders of the contact list; each ends with the id so that the order is stable and a cursor can resume it. */
public enum ContactSort {
    UPDATED_DESC("-updatedAt", "updated_at", true, true),
    UPDATED_ASC("updatedAt", "updated_at", false, true),
    CREATED_DESC("-createdAt", "created_at", true, true),
    CREATED_ASC("createdAt", "created_at", false, true),
    NAME_ASC("name", "name_key", false, false),
    NAME_DESC("-name", "name_key", true, false);

    private final String wire;
    final String column;
    final boolean descending;
    final boolean timestamp;

    ContactSort(String wire, String column, boolean descending, boolean timestamp) {
        this.wire = wire;
        this.column = column;
        this.descending = descending;
        this.timestamp = timestamp;
    }

    public String wire() {
        return wire;
    }

    public boolean timestamp() {
        return timestamp;
    }

    public static ContactSort parse(String value) {
        if (value == null || value.isBlank()) {
            return UPDATED_DESC;
        }
        return Arrays.stream(values()).filter(s -> s.wire.equals(value.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of "
                        + Arrays.stream(values()).map(ContactSort::wire).collect(Collectors.joining(", "))));
    }
}
