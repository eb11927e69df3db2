package org.opencdp.segment.condition;

import com.fasterxml.jackson.annotation.JsonValue;

/** The node types of a condition tree: boolean combinators and leaves over allow-listed fields. */
public enum ConditionType {
    AND("and", "All child conditions hold"),
    OR("or", "At least one child condition holds"),
    NOT("not", "The single child condition does not hold"),
    PROFILE("profile", "A profile field compared with an operator"),
    PAST_EVENT("pastEvent", "Events matching child conditions occurred between minimum and maximum times within a"
            + " period (days, or from/to dates)"),
    SEGMENT("segment", "Membership of another segment"),
    AUDIENCE("audience", "Membership of a DMP audience");

    private final String wire;
    private final String description;

    ConditionType(String wire, String description) {
        this.wire = wire;
        this.description = description;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public String description() {
        return description;
    }
}
