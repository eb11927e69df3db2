package org.opencdp.crm;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores outcomes as their wire names ("won", "lost"), as the table's check constraint expects. */
@Converter
public class DealOutcomeConverter implements AttributeConverter<DealOutcome, String> {
    @Override
    public String convertToDatabaseColumn(DealOutcome outcome) {
        return outcome == null ? null : outcome.wire();
    }

    @Override
    public DealOutcome convertToEntityAttribute(String value) {
        return DealOutcome.fromWire(value);
    }
}
