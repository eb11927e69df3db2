package org.opencdp.crm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a closed deal ended. */
public enum DealOutcome {
    WON, LOST;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DealOutcome fromWire(String value) {
        if (value == null) {
            return null;
        }
        for (DealOutcome o : values()) {
            if (o.wire().equalsIgnoreCase(value.trim())) {
                return o;
            }
        }
        throw new IllegalArgumentException("outcome must be won or lost");
    }
}
