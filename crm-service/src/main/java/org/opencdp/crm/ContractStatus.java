package org.opencdp.crm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where the contract of a deal stands. */
public enum ContractStatus {
    NONE, DRAFT, SENT, SIGNED, ACTIVE, EXPIRED, TERMINATED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ContractStatus fromWire(String value) {
        if (value == null) {
            return null;
        }
        for (ContractStatus s : values()) {
            if (s.wire().equalsIgnoreCase(value.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("must be one of none, draft, sent, signed, active, expired, terminated");
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements jakarta.persistence.AttributeConverter<ContractStatus, String> {
        @Override
        public String convertToDatabaseColumn(ContractStatus s) {
            return s == null ? null : s.wire();
        }

        @Override
        public ContractStatus convertToEntityAttribute(String value) {
            return fromWire(value);
        }
    }
}
