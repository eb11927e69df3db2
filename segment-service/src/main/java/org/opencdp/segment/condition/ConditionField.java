package org.opencdp.segment.condition;

import java.util.List;

/**
 * The allow-list of fields a condition may read. {@code traits.*} and {@code event.properties.*} stand for any
 * trait or event property name made of letters, digits, dots and underscores.
 */
public record ConditionField(String path, ValueType type, String description) {

    public static final List<ConditionField> ALLOWED = List.of(
            new ConditionField("traits.*", ValueType.STRING, "A profile trait (string, number, boolean or date)"),
            new ConditionField("birthday", ValueType.DATE, "Birth date from the profile's traits or CRM contact"),
            new ConditionField("computed.firstSeen", ValueType.DATE, "First event of the profile"),
            new ConditionField("computed.lastSeen", ValueType.DATE, "Latest event of the profile"),
            new ConditionField("computed.orderCount", ValueType.NUMBER, "Number of Order Completed events"),
            new ConditionField("computed.revenue", ValueType.NUMBER, "Sum of Order Completed revenue"),
            new ConditionField("computed.lastOrderAt", ValueType.DATE, "Date of the latest order"),
            new ConditionField("location.country", ValueType.STRING, "ISO 3166 country code"),
            new ConditionField("location.region", ValueType.STRING, "Region or state"),
            new ConditionField("location.city", ValueType.STRING, "City"),
            new ConditionField("location.point", ValueType.GEO_POINT, "Latitude and longitude"),
            new ConditionField("consents.*", ValueType.STRING, "A consent's status: granted, denied, revoked"),
            new ConditionField("audiences", ValueType.LIST, "DMP audiences the profile's anonymous ids are in"),
            new ConditionField("segments", ValueType.LIST, "Segments the profile is in"),
            new ConditionField("event.name", ValueType.STRING, "Name of a tracked event (past-event conditions)"),
            new ConditionField("event.type", ValueType.STRING, "track, page, screen, identify, group, alias"),
            new ConditionField("event.properties.*", ValueType.STRING, "A property of a tracked event"),
            new ConditionField("event.page.url", ValueType.STRING, "URL of a page event"));
}
