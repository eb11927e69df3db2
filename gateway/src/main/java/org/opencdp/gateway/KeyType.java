package org.opencdp.gateway;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;
import java.util.Set;
import org.opencdp.common.auth.WorkspaceToken;

/** Write keys send data (tracking, DMP collection); secret keys also manage their workspace. */
public enum KeyType {
    WRITE("wk_", Set.of(WorkspaceToken.TRACK)),
    SECRET("sk_", Set.of(WorkspaceToken.MANAGE, WorkspaceToken.TRACK));

    private final String prefix;
    private final Set<String> scopes;

    KeyType(String prefix, Set<String> scopes) {
        this.prefix = prefix;
        this.scopes = scopes;
    }

    public String prefix() {
        return prefix;
    }

    public Set<String> scopes() {
        return scopes;
    }

    /** The wire name: "write" or "secret". */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static KeyType fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Stores the wire name ("write", "secret") in the database. */
    @Converter
    public static class DatabaseColumn implements AttributeConverter<KeyType, String> {
        @Override
        public String convertToDatabaseColumn(KeyType type) {
            return type == null ? null : type.wireName();
        }

        @Override
        public KeyType convertToEntityAttribute(String value) {
            return value == null ? null : fromWire(value);
        }
    }
}
