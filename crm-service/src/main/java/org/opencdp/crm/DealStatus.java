package org.opencdp.crm;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Open until the deal is closed as won or lost. */
public enum DealStatus {
    OPEN, WON, LOST;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DealStatus fromWire(String value) {
        for (DealStatus s : values()) {
            if (s.wire().equalsIgnoreCase(value.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("must be one of open, won, lost");
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements jakarta.persistence.AttributeConverter<DealStatus, String> {
        @Override
        public String convertToDatabaseColumn(DealStatus s) {
            return s == null ? null : s.wire();
        }

        @Override
        public DealStatus convertToEntityAttribute(String value) {
            return value == null ? null : fromWire(value);
        }
    }
}
