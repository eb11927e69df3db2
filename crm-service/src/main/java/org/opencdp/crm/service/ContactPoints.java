package org.opencdp.crm.service;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opencdp.crm.config.CrmConfig;

/** Normalises e-mail addresses and phone numbers so that duplicates are found and filters match. */
@ApplicationScoped
public class ContactPoints {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    public ContactPoints(CrmConfig config) {
        this.defaultRegion = config.defaultPhoneRegion().toUpperCase(Locale.ROOT);
    }

    /** Trimmed and lower-cased; empty when it is not an e-mail address. */
    public static Optional<String> email(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.strip().toLowerCase(Locale.ROOT);
        return EMAIL.matcher(value).matches() && value.length() <= 320 ? Optional.of(value) : Optional.empty();
    }

    /** E.164 form (+27821234567); empty when the number is not valid. Numbers without + use the default region. */
    public Optional<String> phone(String raw) {
        return phone(raw, defaultRegion);
    }

    public static Optional<String> phone(String raw, String region) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(raw.strip(), region);
            if (!PHONES.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    public String defaultRegion() {
        return defaultRegion;
    }
}
