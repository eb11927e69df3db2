package org.opencdp.crm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a contact stands in the relationship. */
public enum LifecycleStage {
    LEAD, PROSPECT, CUSTOMER, CHURNED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static LifecycleStage fromWire(String value) {
        if (value == null) {
            return null;
        }
        for (LifecycleStage s : values()) {
            if (s.wire().equalsIgnoreCase(value.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("must be one of lead, prospect, customer, churned");
    }

    /** Stored as the wire name, as the table's check constraint expects. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements jakarta.persistence.AttributeConverter<LifecycleStage, String> {
        @Override
        public String convertToDatabaseColumn(LifecycleStage stage) {
            return stage == null ? null : stage.wire();
        }

        @Override
        public LifecycleStage convertToEntityAttribute(String value) {
            return fromWire(value);
        }
    }
}
