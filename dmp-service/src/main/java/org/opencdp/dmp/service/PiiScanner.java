package org.opencdp.dmp.service;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds what looks like personal data in anonymous behaviour: e-mail addresses, phone-like digit runs (10 to 15
 * digits, optionally with +, spaces, dots, dashes or parentheses, not glued to letters, dates excluded) and fields
 * whose name says they hold personal data (email, phone, firstName, lastName, name, address, birthday...). Field
 * names are compared without case, spaces, dots, dashes and underscores; {@code name} counts only at the top level
 * of the properties, because e-commerce events use it nested for product names. Linear-time patterns only (re2j).
 */
public final class PiiScanner {
    public static final String EMAIL = "looks like an e-mail address";
    public static final String PHONE = "looks like a phone number";
    public static final String FIELD = "field name denotes personal data";

    private static final Pattern EMAIL_PATTERN =
            Pattern.compile("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern PHONE_CANDIDATE = Pattern.compile("\\+?\\(?[0-9][0-9 ().\\-]{7,}[0-9]");
    private static final Pattern DATE_PREFIX = Pattern.compile("^[0-9]{4}[\\-./][0-9]{1,2}[\\-./][0-9]{1,2}");
    private static final Set<String> PERSONAL_FIELDS = Set.of("email", "emailaddress", "mail", "phone",
            "phonenumber", "mobile", "mobilenumber", "mobilephone", "cell", "cellphone", "tel", "telephone",
            "firstname", "lastname", "fullname", "surname", "givenname", "familyname", "middlename", "username",
            "userid", "address", "streetaddress", "street", "addressline1", "addressline2", "birthday", "birthdate",
            "dateofbirth", "dob", "ssn", "nationalid", "idnumber", "passport", "passportnumber", "taxid",
            "creditcard", "cardnumber", "iban", "password");
    private static final Set<String> TOP_LEVEL_PERSONAL_FIELDS = Set.of("name");
    private static final int MAX_DEPTH = 8;

    /** One piece of personal data found: where (a dotted path) and why. */
    public record Finding(String field, String reason) {}

    private PiiScanner() {}

    /** Why {@code text} looks personal, or empty. */
    public static Optional<String> detect(String text) {
        if (text == null || text.length() < 6) {
            return Optional.empty();
        }
        String decoded = text.indexOf('%') >= 0 || text.indexOf('+') >= 0 ? decode(text) : text;
        if (containsEmail(text)) {
            return Optional.of(EMAIL);
        }
        return hasPhone(decoded) || (!decoded.equals(text) && hasPhone(text)) ? Optional.of(PHONE) : Optional.empty();
    }

    /** Whether a property or query parameter of this name holds personal data ({@code topLevel}: directly in properties). */
    public static boolean isPersonalField(String name, boolean topLevel) {
        String n = normalise(name);
        return PERSONAL_FIELDS.contains(n) || (topLevel && TOP_LEVEL_PERSONAL_FIELDS.contains(n));
    }

    /** A copy of {@code properties} without personal fields and values; each removal is added to {@code findings}. */
    public static Map<String, Object> cleanProperties(Map<String, Object> properties, String path, List<Finding> findings) {
        return cleanMap(properties, path, findings, 0);
    }

    /**
     * The URL without query parameters that hold personal data, without user info and fragment; each removal is
     * added to {@code findings}. Empty when the rest of the URL (host or path) is itself personal: such an event must
     * be rejected, the finding is added to {@code findings} too.
     */
    public static Optional<String> cleanUrl(String url, String field, List<Finding> findings) {
        String rest = url;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int scheme = rest.indexOf("://");
        if (scheme >= 0) {
            int hostStart = scheme + 3;
            int slash = rest.indexOf('/', hostStart);
            int at = rest.lastIndexOf('@', slash < 0 ? rest.length() : slash);
            if (at >= hostStart) {
                findings.add(new Finding(field + ".userinfo", FIELD));
                rest = rest.substring(0, hostStart) + rest.substring(at + 1);
            }
        }
        // host and path: e-mail addresses only (long numeric ids in paths are common and not phone numbers)
        if (containsEmail(rest)) {
            findings.add(new Finding(field, EMAIL));
            return Optional.empty();
        }
        if (query == null || query.isEmpty()) {
            return Optional.of(rest);
        }
        List<String> kept = new ArrayList<>();
        for (String param : query.split("&")) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            String name = decode(eq < 0 ? param : param.substring(0, eq));
            String value = eq < 0 ? "" : param.substring(eq + 1);
            String where = field + ".query." + name;
            if (isPersonalField(name, true)) {
                findings.add(new Finding(where, FIELD));
            } else {
                Optional<String> reason = detect(value).or(() -> detect(name));
                if (reason.isPresent()) {
                    findings.add(new Finding(where, reason.get()));
                } else {
                    kept.add(param);
                }
            }
        }
        return Optional.of(kept.isEmpty() ? rest : rest + "?" + String.join("&", kept));
    }

    private static Map<String, Object> cleanMap(Map<?, ?> map, String path, List<Finding> findings, int depth) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            String where = path + "." + key;
            if (isPersonalField(key, depth == 0)) {
                findings.add(new Finding(where, FIELD));
                continue;
            }
            Optional<String> keyReason = detect(key);
            if (keyReason.isPresent()) {
                findings.add(new Finding(where, keyReason.get()));
                continue;
            }
            Object cleaned = cleanValue(e.getValue(), where, findings, depth + 1);
            if (cleaned != REMOVED) {
                out.put(key, cleaned);
            }
        }
        return out;
    }

    private static final Object REMOVED = new Object();

    private static Object cleanValue(Object value, String where, List<Finding> findings, int depth) {
        if (value instanceof String s) {
            Optional<String> reason = detect(s);
            if (reason.isPresent()) {
                findings.add(new Finding(where, reason.get()));
                return REMOVED;
            }
            return s;
        }
        if (depth > MAX_DEPTH) {
            findings.add(new Finding(where, "nested deeper than " + MAX_DEPTH + " levels"));
            return REMOVED;
        }
        if (value instanceof Map<?, ?> m) {
            return cleanMap(m, where, findings, depth);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                Object c = cleanValue(list.get(i), where + "[" + i + "]", findings, depth + 1);
                if (c != REMOVED) {
                    out.add(c);
                }
            }
            return out;
        }
        return value;
    }

    /** Whether the text, URL-decoded or not, contains an e-mail address. */
    public static boolean containsEmail(String text) {
        if (text == null) {
            return false;
        }
        if (text.indexOf('@') >= 0 && EMAIL_PATTERN.matcher(text).find()) {
            return true;
        }
        if (text.indexOf('%') < 0) {
            return false;
        }
        String decoded = decode(text);
        return decoded.indexOf('@') >= 0 && EMAIL_PATTERN.matcher(decoded).find();
    }

    private static boolean hasPhone(String text) {
        int seen = 0;
        for (int i = 0; i < text.length() && seen < 10; i++) {
            if (Character.isDigit(text.charAt(i))) {
                seen++;
            }
        }
        if (seen < 10) {
            return false;   // cheap pre-check: most values have too few digits for a phone number
        }
        Matcher m = PHONE_CANDIDATE.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int start = m.start();
            int end = m.end();
            String candidate = text.substring(start, end);
            if (!gluedToWord(text, start, end) && !DATE_PREFIX.matcher(candidate).find()) {
                int digits = 0;
                for (int i = 0; i < candidate.length(); i++) {
                    if (Character.isDigit(candidate.charAt(i))) {
                        digits++;
                    }
                }
                if (digits >= 10 && digits <= 15) {
                    return true;
                }
                if (digits > 15 && anyGroupIsPhone(candidate)) {
                    return true;
                }
            }
            from = end;
        }
        return false;
    }

    /** Long runs (two numbers in a row) still count when one whitespace-separated group has 10-15 digits. */
    private static boolean anyGroupIsPhone(String candidate) {
        for (String group : candidate.split("\\s{2,}|,")) {
            long digits = group.chars().filter(Character::isDigit).count();
            if (digits >= 10 && digits <= 15) {
                return true;
            }
        }
        return false;
    }

    /** Whether the digits continue a word (an id like ab12cd-1234567890 or a UUID), which a phone number does not. */
    private static boolean gluedToWord(String text, int start, int end) {
        if (start > 0) {
            char before = text.charAt(start - 1);
            if (Character.isLetterOrDigit(before)) {
                return true;
            }
            if ((before == '-' || before == '_' || before == '.') && start > 1
                    && Character.isLetterOrDigit(text.charAt(start - 2))) {
                return true;
            }
        }
        if (end < text.length()) {
            char after = text.charAt(end);
            if (Character.isLetter(after) || after == '_') {
                return true;
            }
            return (after == '-' || after == '.') && end + 1 < text.length()
                    && Character.isLetter(text.charAt(end + 1));
        }
        return false;
    }

    private static String normalise(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '_' && c != '-' && c != '.' && c != ' ') {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** URL-decodes leniently: valid %XX escapes and '+' are decoded, anything malformed is kept as it is. */
    static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length());
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i++) {
                byte b = bytes[i];
                if (b == '%' && i + 2 < bytes.length && Character.digit(bytes[i + 1], 16) >= 0
                        && Character.digit(bytes[i + 2], 16) >= 0) {
                    out.write(Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16));
                    i += 2;
                } else {
                    out.write(b == '+' ? ' ' : b);
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
