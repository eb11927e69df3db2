package org.opencdp.dmp;

/**
 * Maps behaviour to a category. Types: {@code url} (re2j pattern found in the page URL), {@code keyword} (a word in
 * the URL, title, keywords or event name), {@code property} (an event property, optionally equal to a value),
 * {@code event} (the event name).
 */
public record CategoryRule(String id, String workspaceId, String type, String pattern, String property, String value,
                           String categoryId, double weight) {
    public static final String URL = "url";
    public static final String KEYWORD = "keyword";
    public static final String PROPERTY = "property";
    public static final String EVENT = "event";
}
