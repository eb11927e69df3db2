package org.opencdp.profile.service;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Locale;
import java.util.Optional;

/**
 * Canonical form of identifier values: e-mail trimmed, inner spaces removed and lower-cased; phone numbers to E.164
 * (numbers without a country code are read in the default region); other types trimmed. Values longer than 320
 * characters or that do not parse (a phone that is not a possible number, an e-mail without {@code @}) are unusable.
 */
public final class IdentifierNormalizer {
    public static final int MAX_LENGTH = 320;
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    public IdentifierNormalizer(String defaultRegion) {
        this.defaultRegion = defaultRegion == null ? "ZZ" : defaultRegion.toUpperCase(Locale.ROOT);
    }

    public Optional<String> normalise(String type, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.strip();
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        return switch (type) {
            case "email" -> email(value);
            case "phone" -> phone(value);
            default -> Optional.of(value);
        };
    }

    static Optional<String> email(String value) {
        String v = value.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        if (v.startsWith("mailto:")) {
            v = v.substring(7);
        }
        int at = v.indexOf('@');
        return at > 0 && at < v.length() - 1 && v.indexOf('@', at + 1) < 0 ? Optional.of(v) : Optional.empty();
    }

    Optional<String> phone(String value) {
        try {
            String v = value.startsWith("00") ? "+" + value.substring(2) : value;
            Phonenumber.PhoneNumber n = PHONES.parse(v, defaultRegion);
            if (!PHONES.isPossibleNumber(n)) {
                return Optional.empty();
            }
            return Optional.of(PHONES.format(n, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
