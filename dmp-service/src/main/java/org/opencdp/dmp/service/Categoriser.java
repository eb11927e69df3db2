package org.opencdp.dmp.service;

import com.google.re2j.Pattern;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencdp.dmp.CategoryRule;

/**
 * Applies a workspace's rules to one (already cleaned) event: which categories it hits and with what weight. A hit
 * on a category also counts for its ancestors. User-supplied URL patterns run on re2j (linear time, no catastrophic
 * backtracking).
 */
public final class Categoriser {
    private final Taxonomy taxonomy;
    private final List<Compiled> rules;

    /** A rule ready to run: its URL pattern compiled, its keyword normalised. */
    public record Compiled(CategoryRule rule, Pattern pattern, String keyword) {
        public static Compiled of(CategoryRule rule) {
            return switch (rule.type()) {
                case CategoryRule.URL -> new Compiled(rule, Pattern.compile(rule.pattern()), null);
                case CategoryRule.KEYWORD -> new Compiled(rule, null, " " + words(rule.pattern()) + " ");
                default -> new Compiled(rule, null, null);
            };
        }
    }

    /** What rules look at in an event. */
    public record Input(String url, String title, List<String> keywords, String event, Map<String, Object> properties) {}

    public Categoriser(Taxonomy taxonomy, List<Compiled> rules) {
        this.taxonomy = taxonomy;
        this.rules = rules;
    }

    public Map<String, Double> categorise(Input in) {
        Map<String, Double> hits = new HashMap<>();
        String text = null;
        for (Compiled c : rules) {
            CategoryRule r = c.rule();
            boolean match = switch (r.type()) {
                case CategoryRule.URL -> in.url() != null && c.pattern().matcher(in.url()).find();
                case CategoryRule.KEYWORD -> (text == null ? (text = text(in)) : text).contains(c.keyword());
                case CategoryRule.PROPERTY -> propertyMatches(in.properties(), r.property(), r.value());
                case CategoryRule.EVENT -> in.event() != null && in.event().equalsIgnoreCase(r.value());
                default -> false;
            };
            if (match && taxonomy.contains(r.categoryId())) {
                for (String id : taxonomy.withAncestors(r.categoryId())) {
                    hits.merge(id, r.weight(), Math::max);
                }
            }
        }
        return hits;
    }

    static boolean propertyMatches(Map<String, Object> properties, String path, String expected) {
        if (properties == null || path == null) {
            return false;
        }
        Object value = properties;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> m)) {
                return false;
            }
            value = m.get(part);
        }
        if (value == null) {
            return false;
        }
        if (expected == null) {
            return true;
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(v -> v != null && String.valueOf(v).equalsIgnoreCase(expected));
        }
        return String.valueOf(value).equalsIgnoreCase(expected);
    }

    private static String text(Input in) {
        StringBuilder b = new StringBuilder(" ");
        if (in.url() != null) {
            b.append(decode(in.url())).append(' ');
        }
        if (in.title() != null) {
            b.append(in.title()).append(' ');
        }
        if (in.keywords() != null) {
            in.keywords().forEach(k -> b.append(k).append(' '));
        }
        if (in.event() != null) {
            b.append(in.event());
        }
        return " " + words(b.toString()) + " ";
    }

    private static String decode(String url) {
        try {
            return java.net.URLDecoder.decode(url, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** Lower case words separated by single spaces (everything not a letter or digit separates). */
    static String words(String text) {
        StringBuilder b = new StringBuilder(text.length());
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isLetterOrDigit(ch)) {
                b.append(ch);
                space = false;
            } else if (!space) {
                b.append(' ');
                space = true;
            }
        }
        int len = b.length();
        if (len > 0 && b.charAt(len - 1) == ' ') {
            b.setLength(len - 1);
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
