package org.opencdp.segment.condition;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Set;

/**
 * The closed set of comparison operators a segment condition may use. Conditions are data, never expressions:
 * anything not named here is refused, so no input can make the service evaluate code.
 */
public enum Operator {
    EQUALS("equals", 1, ValueType.ANY),
    NOT_EQUALS("notEquals", 1, ValueType.ANY),
    LESS_THAN("lessThan", 1, ValueType.ORDERED),
    LESS_THAN_OR_EQUAL_TO("lessThanOrEqualTo", 1, ValueType.ORDERED),
    GREATER_THAN("greaterThan", 1, ValueType.ORDERED),
    GREATER_THAN_OR_EQUAL_TO("greaterThanOrEqualTo", 1, ValueType.ORDERED),
    BETWEEN("between", 2, ValueType.ORDERED),
    EXISTS("exists", 0, ValueType.ANY),
    MISSING("missing", 0, ValueType.ANY),
    CONTAINS("contains", 1, EnumSet.of(ValueType.STRING)),
    NOT_CONTAINS("notContains", 1, EnumSet.of(ValueType.STRING)),
    STARTS_WITH("startsWith", 1, EnumSet.of(ValueType.STRING)),
    ENDS_WITH("endsWith", 1, EnumSet.of(ValueType.STRING)),
    IN("in", -1, ValueType.ANY),
    NOT_IN("notIn", -1, ValueType.ANY),
    HAS_SOME_OF("hasSomeOf", -1, EnumSet.of(ValueType.LIST)),
    HAS_NONE_OF("hasNoneOf", -1, EnumSet.of(ValueType.LIST)),
    HAS_ALL_OF("hasAllOf", -1, EnumSet.of(ValueType.LIST)),
    IS_DAY("isDay", 1, EnumSet.of(ValueType.DATE)),
    IS_NOT_DAY("isNotDay", 1, EnumSet.of(ValueType.DATE)),
    WITHIN_LAST("withinLast", 1, EnumSet.of(ValueType.DATE)),
    NOT_WITHIN_LAST("notWithinLast", 1, EnumSet.of(ValueType.DATE)),
    ANNIVERSARY_WITHIN_DAYS("anniversaryWithinDays", 1, EnumSet.of(ValueType.DATE)),
    WITHIN_DISTANCE("withinDistance", 3, EnumSet.of(ValueType.GEO_POINT));

    private final String wire;
    private final int valueCount;
    private final Set<ValueType> appliesTo;

    Operator(String wire, int values, Set<ValueType> appliesTo) {
        this.wire = wire;
        this.valueCount = values;
        this.appliesTo = appliesTo;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** How many values the operator takes: 0, 1, 2, 3, or -1 for a list. */
    public int valueCount() {
        return valueCount;
    }

    public Set<ValueType> appliesTo() {
        return appliesTo;
    }
}
