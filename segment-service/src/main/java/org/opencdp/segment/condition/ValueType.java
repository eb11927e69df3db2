package org.opencdp.segment.condition;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Types of the fields conditions compare. */
public enum ValueType {
    STRING, NUMBER, BOOLEAN, DATE, LIST, GEO_POINT;

    static final Set<ValueType> ANY = EnumSet.allOf(ValueType.class);
    static final Set<ValueType> ORDERED = EnumSet.of(NUMBER, DATE, STRING);

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace("_p", "P");
    }
}
