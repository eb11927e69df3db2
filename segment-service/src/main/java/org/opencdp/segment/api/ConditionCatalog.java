package org.opencdp.segment.api;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.segment.condition.ConditionField;
import org.opencdp.segment.condition.ConditionType;
import org.opencdp.segment.condition.Operator;
import org.opencdp.segment.condition.ValueType;

@Schema(name = "ConditionCatalog", description = "Everything a segment condition may use; nothing else is accepted")
public record ConditionCatalog(List<TypeEntry> conditionTypes, List<OperatorEntry> operators,
        List<ConditionField> fields) {

    public record TypeEntry(@Schema(example = "pastEvent") ConditionType type, String description) {}

    public record OperatorEntry(
            @Schema(example = "between") Operator operator,
            @Schema(description = "Number of values it takes; -1 for a list", example = "2") int values,
            Set<ValueType> appliesTo) {}

    public static final ConditionCatalog CURRENT = new ConditionCatalog(
            Arrays.stream(ConditionType.values()).map(t -> new TypeEntry(t, t.description())).toList(),
            Arrays.stream(Operator.values()).map(o -> new OperatorEntry(o, o.valueCount(), o.appliesTo())).toList(),
            ConditionField.ALLOWED);
}
